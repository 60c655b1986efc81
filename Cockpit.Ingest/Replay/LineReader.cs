using System.Buffers;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// Reads a stream line by line as UTF-8 bytes through one pooled buffer, so a file of any size streams in bounded
/// memory. A line is valid until the next call. Lines end with <c>\n</c> or <c>\r\n</c>; a leading UTF-8 BOM is
/// skipped.
/// </summary>
internal sealed class LineReader : IDisposable
{
    /// <summary>Longest line kept; longer ones are skipped and reported, so one runaway line cannot exhaust memory.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    private const int InitialBufferBytes = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart = true;

    public LineReader(Stream stream) => _stream = stream;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Returns the next line without its terminator; false at the end of the stream. <paramref name="tooLong"/> is
    /// true (and <paramref name="line"/> empty) for a line over <see cref="MaxLineBytes"/>.
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        var searchFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searchFrom - _start + newline;
                line = TakeLine(length, consumed: length + 1, tooLong);
                return true;
            }

            if (_endOfStream)
            {
                if (_start == _end && !tooLong)
                {
                    line = default;
                    return false;
                }

                line = TakeLine(_end - _start, consumed: _end - _start, tooLong);
                return true;
            }

            if (_end - _start >= MaxLineBytes)
            {
                // Drop what we have of the runaway line and keep looking for its end.
                tooLong = true;
                _start = _end = 0;
            }

            searchFrom = MakeRoomAndFill();
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private ReadOnlySpan<byte> TakeLine(int length, int consumed, bool tooLong)
    {
        var line = _buffer.AsSpan(_start, length);
        _start += consumed;
        LineNumber++;
        if (tooLong)
        {
            return default;
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (_atStart)
        {
            _atStart = false;
            if (line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }
        }

        return line;
    }

    /// <summary>Moves the partial line to the front, grows the buffer if needed, reads more; returns where to search.</summary>
    private int MakeRoomAndFill()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
        return pending;
    }
}
