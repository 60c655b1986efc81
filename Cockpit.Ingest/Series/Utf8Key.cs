namespace Cockpit.Ingest.Series;

/// <summary>
/// Bytes as a dictionary key, with a comparer that also looks keys up by <see cref="ReadOnlySpan{T}"/> so the
/// parser finds a series or a field name it has seen before without allocating.
/// </summary>
internal sealed class Utf8Key(byte[] bytes)
{
    public byte[] Bytes { get; } = bytes;

    public static Utf8KeyComparer Comparer { get; } = new();

    public sealed class Utf8KeyComparer : IEqualityComparer<Utf8Key>, IAlternateEqualityComparer<ReadOnlySpan<byte>, Utf8Key>
    {
        public bool Equals(Utf8Key? x, Utf8Key? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Bytes.AsSpan().SequenceEqual(y.Bytes));

        public int GetHashCode(Utf8Key obj) => Hash(obj.Bytes);

        public bool Equals(ReadOnlySpan<byte> alternate, Utf8Key other) => alternate.SequenceEqual(other.Bytes);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public Utf8Key Create(ReadOnlySpan<byte> alternate) => new(alternate.ToArray());

        // HashCode is seeded per process, so a sender cannot choose keys that all collide.
        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = default(HashCode);
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}
