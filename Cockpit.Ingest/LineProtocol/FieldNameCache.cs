using Cockpit.Ingest.Series;

namespace Cockpit.Ingest.LineProtocol;

/// <summary>
/// The few field names of one payload, found by comparing a handful of bytes instead of hashing: a collector sends
/// the same two or three fields on every line. Misses go to the shared <see cref="SeriesRegistry"/>. One per payload.
/// </summary>
internal sealed class FieldNameCache(SeriesRegistry registry)
{
    private const int Size = 8;
    private readonly byte[][] _keys = new byte[Size][];
    private readonly string[] _names = new string[Size];
    private int _count;
    private int _next;

    /// <summary>The interned name for these (unescaped) bytes, or null when they are not valid UTF-8.</summary>
    public string? Intern(ReadOnlySpan<byte> key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (key.SequenceEqual(_keys[i]))
            {
                return _names[i];
            }
        }

        var name = registry.InternField(key);
        if (name is not null)
        {
            _keys[_next] = key.ToArray();
            _names[_next] = name;
            _next = (_next + 1) % Size;
            _count = Math.Min(_count + 1, Size);
        }

        return name;
    }
}
