using System.Buffers;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// One write's worth of line protocol (UTF-8, one line per series and instant, newline-terminated) in a pooled buffer,
/// with its place in the store's write order. Sequences grow with every sealed batch and keep growing across
/// restarts (the spool's files carry them), so "older" always means "smaller sequence".
/// </summary>
internal sealed class LineProtocolBatch : IDisposable
{
    private const int InitialCapacity = 64 * 1024;
    private byte[] _buffer;

    public LineProtocolBatch() => _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);

    /// <summary>The batch's place in the write order; set when it is sealed.</summary>
    public long Sequence { get; set; }

    /// <summary>Lines in the batch.</summary>
    public int Lines { get; set; }

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Content => _buffer.AsMemory(0, Length);

    /// <summary>Room for at least <paramref name="sizeHint"/> more bytes at the end.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        if (_buffer.Length - Length < sizeHint)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + sizeHint));
            _buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return _buffer.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Length = 0;
    }
}
