using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// Batches waiting on disk for InfluxDB: one file of line protocol per batch in <c>DataDir/influx-spool</c>, named
/// after the batch's sequence (so a directory listing is the send order), the time it was spooled and its line count.
/// Bounded in bytes (and optionally age): past the bound the oldest files are deleted, loudly. A file is written under
/// a temporary name, flushed to the disk and then renamed, so a crash leaves either a whole batch or none. Survives
/// restarts: what is found on open is sent first. Thread-safe.
/// </summary>
internal sealed class InfluxDbSpool
{
    /// <summary>The spool's folder under <c>DataDir</c>.</summary>
    public const string FolderName = "influx-spool";

    private const string Extension = ".lp";
    private const string TemporaryExtension = ".tmp";

    private readonly Lock _lock = new();
    private readonly SortedSet<Segment> _segments = new(Comparer<Segment>.Create(static (a, b) => a.Sequence.CompareTo(b.Sequence)));
    private readonly long _maxBytes;
    private readonly TimeSpan? _maxAge;
    private readonly InfluxDbStoreStatus _status;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private long _bytes;
    private Segment? _sending;

    public InfluxDbSpool(string directory, long maxBytes, TimeSpan? maxAge, InfluxDbStoreStatus status, TimeProvider timeProvider, ILogger logger)
    {
        Directory = directory;
        _maxBytes = maxBytes;
        _maxAge = maxAge;
        _status = status;
        _timeProvider = timeProvider;
        _logger = logger;
        System.IO.Directory.CreateDirectory(directory);
        Load();
    }

    /// <summary>The spool's folder.</summary>
    public string Directory { get; }

    /// <summary>One past the newest spooled sequence (1 for an empty spool): where new batches continue the order.</summary>
    public long NextSequence { get; private set; } = 1;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _segments.Count;
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>The oldest spooled batch, or null when the spool is empty.</summary>
    public Segment? Oldest
    {
        get
        {
            lock (_lock)
            {
                return _segments.Min;
            }
        }
    }

    /// <summary>
    /// Writes a batch to disk. Returns false when the disk refused it (logged; the caller decides what is lost).
    /// Afterwards the oldest batches are dropped until the spool is within its bound again.
    /// </summary>
    public bool Add(LineProtocolBatch batch)
    {
        var createdAt = _timeProvider.GetUtcNow();
        var path = Path.Combine(Directory, string.Create(
            CultureInfo.InvariantCulture, $"{batch.Sequence:D19}-{createdAt.ToUnixTimeMilliseconds()}-{batch.Lines}{Extension}"));
        var temporary = path + TemporaryExtension;
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                file.Write(batch.Content.Span);

                // On the disk, not just in the OS cache: a flush that reports "spooled" must survive a power cut too.
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            InfluxDbStoreLog.SpoolWriteFailed(_logger, ex, batch.Lines, Directory);
            TryDelete(temporary);
            return false;
        }

        lock (_lock)
        {
            _segments.Add(new Segment(batch.Sequence, batch.Lines, batch.Length, createdAt, path));
            _bytes += batch.Length;
            NextSequence = Math.Max(NextSequence, batch.Sequence + 1);
            EnforceBoundsLocked();
            PublishLocked();
        }

        return true;
    }

    /// <summary>The batch's line protocol, or null when its file is gone or unreadable (logged and forgotten).</summary>
    public byte[]? Read(Segment segment)
    {
        try
        {
            return File.ReadAllBytes(segment.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            InfluxDbStoreLog.SpoolFileSkipped(_logger, segment.Path, ex.Message);
            Remove(segment);
            return null;
        }
    }

    /// <summary>Marks the batch being sent: the bounds never drop it under the sender's feet.</summary>
    public void BeginSending(Segment segment)
    {
        lock (_lock)
        {
            _sending = segment;
        }
    }

    public void EndSending()
    {
        lock (_lock)
        {
            _sending = null;
            EnforceBoundsLocked();
            PublishLocked();
        }
    }

    /// <summary>Deletes a batch InfluxDB has answered for; false when it was no longer spooled.</summary>
    public bool Remove(Segment segment)
    {
        lock (_lock)
        {
            if (!_segments.Remove(segment))
            {
                return false;
            }

            _bytes -= segment.Bytes;
            TryDelete(segment.Path);
            PublishLocked();
            return true;
        }
    }

    /// <summary>Drops batches past the age bound (the size bound is enforced on every add).</summary>
    public void DropExpired()
    {
        if (_maxAge is null)
        {
            return;
        }

        lock (_lock)
        {
            EnforceBoundsLocked();
            PublishLocked();
        }
    }

    private void Load()
    {
        foreach (var temporary in System.IO.Directory.EnumerateFiles(Directory, "*" + TemporaryExtension))
        {
            // A batch a crash caught half-written; its points were never reported as spooled.
            TryDelete(temporary);
        }

        lock (_lock)
        {
            foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*" + Extension))
            {
                if (TryParse(path) is { } segment)
                {
                    _segments.Add(segment);
                    _bytes += segment.Bytes;
                    NextSequence = Math.Max(NextSequence, segment.Sequence + 1);
                }
                else
                {
                    InfluxDbStoreLog.SpoolFileSkipped(_logger, path, "not a spool file name (sequence-millis-lines.lp)");
                }
            }

            if (_segments.Count > 0)
            {
                InfluxDbStoreLog.SpoolFound(_logger, Directory, _segments.Count, _bytes);
            }

            EnforceBoundsLocked();
            PublishLocked();
        }
    }

    private static Segment? TryParse(string path)
    {
        var parts = Path.GetFileNameWithoutExtension(path).Split('-');
        return parts.Length == 3 &&
            long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) &&
            long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var createdMs) &&
            int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var lines)
            ? new Segment(sequence, lines, new FileInfo(path).Length, DateTimeOffset.FromUnixTimeMilliseconds(createdMs), path)
            : null;
    }

    // Oldest first, never the batch being sent: it leaves the spool within one request either way.
    private void EnforceBoundsLocked()
    {
        var expiredBefore = _maxAge is { } maxAge ? _timeProvider.GetUtcNow() - maxAge : DateTimeOffset.MinValue;
        while (_segments.Min is { } oldest)
        {
            var victim = oldest == _sending ? _segments.Skip(1).FirstOrDefault() : oldest;
            if (victim is null)
            {
                return;
            }

            string bound;
            if (_bytes > _maxBytes)
            {
                bound = string.Create(CultureInfo.InvariantCulture, $"{_maxBytes} bytes");
            }
            else if (victim.CreatedAt < expiredBefore)
            {
                bound = string.Create(CultureInfo.InvariantCulture, $"older than {_maxAge}");
            }
            else
            {
                return;
            }

            _segments.Remove(victim);
            _bytes -= victim.Bytes;
            TryDelete(victim.Path);
            _status.RecordDropped(victim.Lines);
            _status.RecordError($"Spool bound hit ({bound}): dropped {victim.Lines} lines");
            InfluxDbStoreLog.SpoolDropped(_logger, bound, victim.Lines, victim.Bytes, victim.CreatedAt);
        }
    }

    private void PublishLocked() => _status.RecordSpool(_segments.Count, _bytes, _segments.Min?.CreatedAt);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind; a batch file left behind is sent again on the next start, which InfluxDB absorbs (same
            // points overwrite themselves), and a temporary file is deleted then.
        }
    }

    /// <summary>One spooled batch.</summary>
    public sealed record Segment(long Sequence, int Lines, long Bytes, DateTimeOffset CreatedAt, string Path);
}
