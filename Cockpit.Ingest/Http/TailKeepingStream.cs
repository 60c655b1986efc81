using System.Buffers.Binary;

namespace Cockpit.Ingest.Http;

/// <summary>
/// Reads a request body through, keeping its last 8 bytes: a gzip body ends with the CRC-32 and the length (mod 2³²)
/// of what it holds, and .NET's GZipStream ends quietly at a body cut off mid-stream. Comparing that length with what
/// was decompressed tells a whole body from a truncated one.
/// </summary>
internal sealed class TailKeepingStream(Stream inner) : Stream
{
    private readonly byte[] _tail = new byte[8];
    private long _total;

    /// <summary>The gzip trailer's length field (ISIZE), or null when fewer than 8 bytes were read.</summary>
    public uint? TrailerLength => _total < 8 ? null : BinaryPrimitives.ReadUInt32LittleEndian(Ordered()[4..]);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Keep(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Keep(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // The ring of the last 8 bytes, oldest first.
    private byte[] Ordered()
    {
        var ordered = new byte[8];
        var start = (int)(_total % 8);
        for (var i = 0; i < 8; i++)
        {
            ordered[i] = _tail[(start + i) % 8];
        }

        return ordered;
    }

    private int Keep(ReadOnlySpan<byte> read)
    {
        foreach (var b in read)
        {
            _tail[(int)(_total++ % 8)] = b;
        }

        return read.Length;
    }
}
