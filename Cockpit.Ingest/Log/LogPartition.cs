using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Log;

/// <summary>
/// One partition of the embedded log: its segment files, the next offset, how far records are durable, and the newest
/// records kept decoded for consumers that keep up. Records are written by the log's single writer; readers on other
/// threads only ever see records below <see cref="DurableEnd"/>, which moves after the fsync that made them durable.
/// </summary>
internal sealed class LogPartition : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<LogSegment> _segments;
    private readonly List<LogRecord> _cache = [];
    private readonly long _segmentBytes;
    private readonly int _cachedPoints;
    private readonly Func<SeriesKey, SeriesKey> _intern;
    private FileStream _active;
    private long _cacheFirst;
    private int _cachePointCount;
    private long _next;
    private long _durableEnd;

    public LogPartition(int index, string directory, long segmentBytes, int cachedPoints, Func<SeriesKey, SeriesKey> intern)
    {
        Index = index;
        Directory = directory;
        _segmentBytes = segmentBytes;
        _cachedPoints = cachedPoints;
        _intern = intern;
        System.IO.Directory.CreateDirectory(directory);
        _segments = LogSegment.List(directory);
        if (_segments.Count == 0)
        {
            _segments.Add(new LogSegment(Path.Combine(directory, LogSegment.FileName(0)), 0, 0));
        }

        var last = _segments[^1];
        (_next, last.Bytes) = Recover(last);
        _durableEnd = _next;
        _cacheFirst = _next;
        _active = OpenForAppend(last);
    }

    public int Index { get; }

    public string Directory { get; }

    /// <summary>Records below this offset are durable and readable.</summary>
    public long DurableEnd => Volatile.Read(ref _durableEnd);

    /// <summary>The oldest offset still kept.</summary>
    public long OldestOffset
    {
        get
        {
            lock (_lock)
            {
                return _segments[0].FirstOffset;
            }
        }
    }

    /// <summary>Bytes of every segment kept.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _segments.Sum(s => s.Bytes);
            }
        }
    }

    /// <summary>Writes a record (not yet durable: see <see cref="Sync"/>) and returns its offset. Writer thread only.</summary>
    public long Write(ReadOnlySpan<byte> payload, uint payloadCrc, long appendedAtMs)
    {
        var size = RecordFrame.HeaderBytes + payload.Length;
        var active = ActiveSegment;
        if (active.Bytes > 0 && active.Bytes + size > _segmentBytes)
        {
            Roll();
            active = ActiveSegment;
        }

        Span<byte> header = stackalloc byte[RecordFrame.HeaderBytes];
        var offset = _next++;
        RecordFrame.WriteHeader(header, payload.Length, payloadCrc, offset, appendedAtMs);
        _active.Write(header);
        _active.Write(payload);
        lock (_lock)
        {
            active.Bytes += size;
        }

        return offset;
    }

    /// <summary>Flushes what was written to disk (fsync). Writer thread only.</summary>
    public void Sync() => _active.Flush(flushToDisk: true);

    /// <summary>Makes records up to the last one written readable, keeping the newest decoded. Writer thread only, after <see cref="Sync"/>.</summary>
    public void Publish(IEnumerable<LogRecord> records)
    {
        lock (_lock)
        {
            foreach (var record in records)
            {
                if (_cachedPoints > 0 && record.Offset == _cacheFirst + _cache.Count)
                {
                    _cache.Add(record);
                    _cachePointCount += record.Points.Length;
                }
            }

            var drop = 0;
            while (drop < _cache.Count && _cachePointCount > _cachedPoints)
            {
                _cachePointCount -= _cache[drop++].Points.Length;
            }

            _cache.RemoveRange(0, drop);
            _cacheFirst += drop;
            if (_cache.Count == 0)
            {
                _cacheFirst = _next;
            }

            Volatile.Write(ref _durableEnd, _next);
        }
    }

    /// <summary>Deletes the segments whose records are all below <paramref name="offset"/>; returns the bytes freed.</summary>
    public long DeleteBefore(long offset)
    {
        var doomed = new List<LogSegment>();
        lock (_lock)
        {
            while (_segments.Count > 1 && _segments[1].FirstOffset <= offset)
            {
                doomed.Add(_segments[0]);
                _segments.RemoveAt(0);
            }
        }

        foreach (var segment in doomed)
        {
            File.Delete(segment.Path);
        }

        return doomed.Sum(s => s.Bytes);
    }

    /// <summary>When the record at <paramref name="offset"/> was appended (from memory, else from its segment's headers).</summary>
    public DateTimeOffset? AppendedAt(long offset)
    {
        if (TryGetCached(offset, out var cached))
        {
            return cached.AppendedAt;
        }

        if (offset >= DurableEnd || SegmentOf(offset) is not { } found)
        {
            return null;
        }

        using var stream = new FileStream(found.Segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[RecordFrame.HeaderBytes];
        while (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && RecordFrame.TryReadHeader(header, _segmentBytes, out var length, out _, out var at, out var appendedAtMs))
        {
            if (at == offset)
            {
                return DateTimeOffset.FromUnixTimeMilliseconds(appendedAtMs);
            }

            stream.Seek(length, SeekOrigin.Current);
        }

        return null;
    }

    // A position past the end (the log's folder was replaced under a consumer that kept its cursor) starts at the end,
    // which is where the new log's records begin.
    public ILogReader OpenReader(long from) => new PartitionReader(this, Math.Clamp(from, OldestOffset, DurableEnd));

    public void Dispose() => _active.Dispose();

    // The record at `offset`, if it is among the newest kept decoded.
    internal bool TryGetCached(long offset, out LogRecord record)
    {
        lock (_lock)
        {
            var index = offset - _cacheFirst;
            if (index >= 0 && index < _cache.Count)
            {
                record = _cache[(int)index];
                return true;
            }
        }

        record = null!;
        return false;
    }

    // The segment holding `offset` and the one after it (null for the active one), or null when it is gone.
    internal (LogSegment Segment, long NextFirstOffset)? SegmentOf(long offset)
    {
        lock (_lock)
        {
            for (var i = _segments.Count - 1; i >= 0; i--)
            {
                if (_segments[i].FirstOffset <= offset)
                {
                    return (_segments[i], i + 1 < _segments.Count ? _segments[i + 1].FirstOffset : long.MaxValue);
                }
            }
        }

        return null;
    }

    internal LogRecord Decode(ReadOnlySpan<byte> payload, long offset, long appendedAtMs) =>
        new(Index, offset, DateTimeOffset.FromUnixTimeMilliseconds(appendedAtMs), PointRecordCodec.Decode(payload, _intern));

    internal long MaxPayload => _segmentBytes;

    private LogSegment ActiveSegment
    {
        get
        {
            lock (_lock)
            {
                return _segments[^1];
            }
        }
    }

    private void Roll()
    {
        _active.Flush(flushToDisk: true);
        _active.Dispose();
        var segment = new LogSegment(Path.Combine(Directory, LogSegment.FileName(_next)), _next, 0);
        lock (_lock)
        {
            _segments.Add(segment);
        }

        _active = OpenForAppend(segment);
    }

    private static FileStream OpenForAppend(LogSegment segment)
    {
        var stream = new FileStream(segment.Path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 16);
        stream.Seek(segment.Bytes, SeekOrigin.Begin);
        return stream;
    }

    // Scans the last segment and cuts it after its last whole, checksummed record: what a crash tore off was never
    // acknowledged. Returns the next offset and the segment's valid length.
    private (long Next, long Bytes) Recover(LogSegment segment)
    {
        var next = segment.FirstOffset;
        long valid = 0;
        if (File.Exists(segment.Path))
        {
            using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            var header = new byte[RecordFrame.HeaderBytes];
            var payload = Array.Empty<byte>();
            while (true)
            {
                if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                    || !RecordFrame.TryReadHeader(header, _segmentBytes, out var length, out var crc, out var offset, out _)
                    || offset != next)
                {
                    break;
                }

                if (payload.Length < length)
                {
                    payload = new byte[length];
                }

                if (stream.ReadAtLeast(payload.AsSpan(0, length), length, throwOnEndOfStream: false) < length
                    || RecordFrame.Checksum(payload.AsSpan(0, length)) != crc)
                {
                    break;
                }

                valid += RecordFrame.HeaderBytes + length;
                next++;
            }

            if (stream.Length != valid)
            {
                TornTailBytes = stream.Length - valid;
                stream.SetLength(valid);
                stream.Flush(flushToDisk: true);
            }
        }

        return (next, valid);
    }

    /// <summary>Bytes cut from the end of the last segment when the partition was opened (a torn write).</summary>
    public long TornTailBytes { get; private set; }
}
