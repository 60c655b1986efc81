namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// What the InfluxDB store has done so far; read by the health page. Registered whatever the store kind, so that the
/// health page can always ask. Counts are of line-protocol lines (one line carries the fields of one series and instant).
/// </summary>
public sealed class InfluxDbStoreStatus(TimeProvider timeProvider)
{
    private long _linesWritten;
    private long _batchesWritten;
    private long _retries;
    private long _rejectedLines;
    private long _rejectedBatches;
    private long _linesSpooled;
    private long _linesDrained;
    private long _droppedLines;
    private long _droppedBatches;
    private int _connected;
    private volatile QueueSnapshot _queue = new(0, 0);
    private volatile SpoolSnapshot _spool = new(0, 0, null);
    private volatile StoreError? _lastError;

    /// <summary>Whether InfluxDB answered the last request (a rejected write counts: the server is there).</summary>
    public bool Connected => Volatile.Read(ref _connected) == 1;

    /// <summary>Lines InfluxDB accepted.</summary>
    public long LinesWritten => Interlocked.Read(ref _linesWritten);

    /// <summary>Writes InfluxDB accepted (wholly or partly).</summary>
    public long BatchesWritten => Interlocked.Read(ref _batchesWritten);

    /// <summary>Writes that failed in a way worth retrying (5xx, 429, timeouts, refused connections) and will be sent again.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Lines InfluxDB refused as bad data (4xx); they are not sent again.</summary>
    public long RejectedLines => Interlocked.Read(ref _rejectedLines);

    /// <summary>Writes InfluxDB answered with a 4xx (partial writes included).</summary>
    public long RejectedBatches => Interlocked.Read(ref _rejectedBatches);

    /// <summary>Lines put into the on-disk spool (because InfluxDB was unreachable or the memory queue full).</summary>
    public long LinesSpooled => Interlocked.Read(ref _linesSpooled);

    /// <summary>Lines sent to InfluxDB from the spool.</summary>
    public long LinesDrained => Interlocked.Read(ref _linesDrained);

    /// <summary>Lines lost because the spool hit its size or age bound (or the disk failed).</summary>
    public long DroppedLines => Interlocked.Read(ref _droppedLines);

    /// <summary>Batches lost, see <see cref="DroppedLines"/>.</summary>
    public long DroppedBatches => Interlocked.Read(ref _droppedBatches);

    /// <summary>Batches waiting in memory.</summary>
    public int QueuedBatches => _queue.Batches;

    /// <summary>Lines waiting in memory (sealed batches only).</summary>
    public long QueuedLines => _queue.Lines;

    /// <summary>Batch files in the spool.</summary>
    public int SpoolFiles => _spool.Files;

    /// <summary>Bytes in the spool.</summary>
    public long SpoolBytes => _spool.Bytes;

    /// <summary>How long the oldest spooled batch has waited, or null when the spool is empty.</summary>
    public TimeSpan? SpoolOldestAge => _spool.OldestAt is { } at ? timeProvider.GetUtcNow() - at : null;

    /// <summary>The last problem, or null when there was none.</summary>
    public string? LastError => _lastError?.Text;

    /// <summary>When <see cref="LastError"/> happened.</summary>
    public DateTimeOffset? LastErrorAt => _lastError?.At;

    internal void RecordConnected(bool connected) => Volatile.Write(ref _connected, connected ? 1 : 0);

    internal void RecordWritten(int lines, bool fromSpool)
    {
        Interlocked.Add(ref _linesWritten, lines);
        Interlocked.Increment(ref _batchesWritten);
        if (fromSpool)
        {
            Interlocked.Add(ref _linesDrained, lines);
        }
    }

    internal void RecordRejected(int lines)
    {
        Interlocked.Add(ref _rejectedLines, lines);
        Interlocked.Increment(ref _rejectedBatches);
    }

    internal void RecordRetry() => Interlocked.Increment(ref _retries);

    internal void RecordSpooled(int lines) => Interlocked.Add(ref _linesSpooled, lines);

    internal void RecordDropped(int lines)
    {
        Interlocked.Add(ref _droppedLines, lines);
        Interlocked.Increment(ref _droppedBatches);
    }

    internal void RecordQueue(int batches, long lines) => _queue = new QueueSnapshot(batches, lines);

    internal void RecordSpool(int files, long bytes, DateTimeOffset? oldestAt) => _spool = new SpoolSnapshot(files, bytes, oldestAt);

    internal void RecordError(string error) => _lastError = new StoreError(error, timeProvider.GetUtcNow());

    // Related values swapped as one reference, so a reader never pairs one snapshot's count with another's size.
    private sealed record StoreError(string Text, DateTimeOffset At);

    private sealed record QueueSnapshot(int Batches, long Lines);

    private sealed record SpoolSnapshot(int Files, long Bytes, DateTimeOffset? OldestAt);
}
