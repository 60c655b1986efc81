namespace Cockpit.Ingest.Log;

/// <summary>
/// Reads one partition forward: from the decoded records the partition keeps when it has them, otherwise from the
/// segment files (kept open between reads, moving to the next segment at each one's end).
/// </summary>
internal sealed class PartitionReader(LogPartition partition, long from) : ILogReader
{
    private readonly byte[] _header = new byte[RecordFrame.HeaderBytes];
    private byte[] _payload = new byte[1 << 16];
    private FileStream? _file;
    private long _fileFirstOffset = -1;
    private long _fileOffset;

    public int Partition => partition.Index;

    public long Position { get; private set; } = from;

    public bool TryRead(out LogRecord record)
    {
        if (Position >= partition.DurableEnd)
        {
            record = null!;
            return false;
        }

        if (partition.TryGetCached(Position, out record))
        {
            Position++;
            return true;
        }

        record = ReadFromFile();
        Position = record.Next;
        return true;
    }

    public void Dispose() => _file?.Dispose();

    private LogRecord ReadFromFile()
    {
        Seek();

        while (true)
        {
            _file!.ReadExactly(_header);
            if (!RecordFrame.TryReadHeader(_header, partition.MaxPayload, out var length, out var crc, out var offset, out var appendedAtMs))
            {
                throw new InvalidDataException($"Log partition {Partition}: a damaged record header at offset {_fileOffset} in {_file.Name}.");
            }

            if (offset < Position)
            {
                _file.Seek(length, SeekOrigin.Current);
                _fileOffset = offset + 1;
                continue;
            }

            if (_payload.Length < length)
            {
                _payload = new byte[Math.Max(length, _payload.Length * 2)];
            }

            var payload = _payload.AsSpan(0, length);
            _file.ReadExactly(payload);
            if (offset != Position || RecordFrame.Checksum(payload) != crc)
            {
                throw new InvalidDataException($"Log partition {Partition}: record {Position} is damaged in {_file.Name}.");
            }

            _fileOffset = offset + 1;
            return partition.Decode(payload, offset, appendedAtMs);
        }
    }

    // Keeps the open file when it is the segment that holds the position, at or before it; otherwise opens that segment
    // from its start (records are found by scanning their headers).
    private void Seek()
    {
        var (segment, _) = partition.SegmentOf(Position)
            ?? throw new InvalidOperationException($"Log partition {Partition}: offset {Position} is no longer kept.");
        if (_file is null || _fileFirstOffset != segment.FirstOffset || _fileOffset > Position)
        {
            _file?.Dispose();
            _file = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16);
            _fileFirstOffset = segment.FirstOffset;
            _fileOffset = segment.FirstOffset;
        }
    }
}
