using System.Buffers;
using System.Threading.Channels;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Series;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Log;

/// <summary>
/// The embedded <see cref="IIngestLog"/>: per partition, segment files in <c>DataDir/log/p{n}</c>. Appenders encode
/// their batch on their own thread and queue it; one writer thread takes everything queued, writes it, fsyncs each
/// partition it touched once, and only then answers every appender in the round (group commit: one flush per round,
/// however many writes share it, as influxd does with its WAL). Bytes kept are bounded by
/// <see cref="LogOptions.MaxBytes"/>, reserved before a batch is queued, so a full log refuses at once instead of
/// growing memory. A write or fsync that fails closes the log for writing (what was not fsynced was never
/// acknowledged); the next start recovers from the files.
/// </summary>
public sealed partial class FileIngestLog : IIngestLog
{
    // Bytes queued for the writer but not yet written; past this, appends are refused like a full log.
    private const long MaxQueuedBytes = 256L * 1024 * 1024;

    private readonly Lock _consumersLock = new();
    private readonly HashSet<string> _consumers = new(StringComparer.Ordinal);
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly LogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FileIngestLog> _logger;
    private readonly LogPartition[] _partitions;
    private readonly LogCursors _cursors;
    private readonly Task _writer;
    private TaskCompletionSource _appended = NewSignal();
    private long _bytes;
    private long _queuedBytes;
    private long _records;
    private long _points;
    private long _refused;
    private long _flushes;
    private volatile bool _closed;

    public FileIngestLog(IOptions<LogOptions> options, IOptions<CockpitOptions> cockpit, SeriesRegistry registry, TimeProvider time, ILogger<FileIngestLog> logger)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _options = options.Value;
        _time = time;
        _logger = logger;
        Directory = Path.Combine(cockpit.Value.ResolveDataDir(), "log");
        System.IO.Directory.CreateDirectory(Directory);
        CheckPartitionCount();
        _partitions = [.. Enumerable.Range(0, _options.Partitions)
            .Select(p => new LogPartition(p, Path.Combine(Directory, "p" + p), _options.SegmentBytes, _options.CachedPoints / _options.Partitions, registry.Adopt))];
        _cursors = new LogCursors(Path.Combine(Directory, "cursors"));
        _bytes = _partitions.Sum(p => p.Bytes);
        foreach (var partition in _partitions.Where(p => p.TornTailBytes > 0))
        {
            LogTornTail(partition.Index, partition.TornTailBytes);
        }

        LogOpened(Directory, _options.Partitions, _partitions.Sum(p => p.DurableEnd - p.OldestOffset), _bytes);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The log's folder.</summary>
    public string Directory { get; }

    public int Partitions => _partitions.Length;

    public LogStatus Status
    {
        get
        {
            string[] consumers;
            lock (_consumersLock)
            {
                consumers = [.. _consumers.Order(StringComparer.Ordinal)];
            }

            var now = _time.GetUtcNow();
            var lags = consumers.Select(c =>
            {
                long records = 0;
                var behind = TimeSpan.Zero;
                foreach (var partition in _partitions)
                {
                    var from = Math.Max(_cursors.Get(c, partition.Index) ?? partition.OldestOffset, partition.OldestOffset);
                    var unread = partition.DurableEnd - from;
                    if (unread > 0)
                    {
                        records += unread;
                        if (partition.AppendedAt(from) is { } oldest && now - oldest > behind)
                        {
                            behind = now - oldest;
                        }
                    }
                }

                return new LogConsumerLag(c, records, behind);
            }).ToList();
            return new LogStatus(Interlocked.Read(ref _bytes), _options.MaxBytes, Interlocked.Read(ref _records), Interlocked.Read(ref _points), Interlocked.Read(ref _refused), Interlocked.Read(ref _flushes), lags);
        }
    }

    public async ValueTask<LogAppendOutcome> AppendAsync(ReadOnlyMemory<MetricPoint> points, CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return LogAppendOutcome.Closed;
        }

        if (points.IsEmpty)
        {
            return LogAppendOutcome.Appended;
        }

        var parts = Encode(points.Span);
        var size = parts.Sum(p => (long)RecordFrame.HeaderBytes + p.Payload.Length);
        if (parts.Any(p => RecordFrame.HeaderBytes + p.Payload.Length > _options.SegmentBytes))
        {
            Interlocked.Add(ref _refused, points.Length);
            return LogAppendOutcome.TooLarge;
        }

        if (!TryReserve(size))
        {
            Interlocked.Add(ref _refused, points.Length);
            return LogAppendOutcome.Full;
        }

        var append = new PendingAppend(parts, size, points.Length);
        if (!_queue.Writer.TryWrite(append))
        {
            Interlocked.Add(ref _queuedBytes, -size);
            return LogAppendOutcome.Closed;
        }

        return await append.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task WaitForAppendAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _appended).Task.WaitAsync(cancellationToken);

    public void Register(string consumer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumer);
        lock (_consumersLock)
        {
            _consumers.Add(consumer);
        }
    }

    public IReadOnlyDictionary<int, long> Committed(string consumer) => _cursors.Get(consumer);

    public ValueTask CommitAsync(string consumer, int partition, long next, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, _partitions.Length);
        if (_cursors.Set(consumer, partition, next))
        {
            DeleteReadSegments(_partitions[partition]);
        }

        return ValueTask.CompletedTask;
    }

    public ILogReader OpenReader(int partition, long from) => _partitions[partition].OpenReader(from);

    public void CompleteWriting()
    {
        _closed = true;
        _queue.Writer.TryComplete();
    }

    public async ValueTask DisposeAsync()
    {
        CompleteWriting();
        try
        {
            await _writer.ConfigureAwait(false);
        }
        finally
        {
            foreach (var partition in _partitions)
            {
                partition.Dispose();
            }

            Volatile.Read(ref _appended).TrySetResult();
        }
    }

    // One record per partition the batch touches, each encoded here, on the appender's thread.
    private List<EncodedPart> Encode(ReadOnlySpan<MetricPoint> points)
    {
        if (_partitions.Length == 1)
        {
            return [EncodePart(0, points.ToArray())];
        }

        var byPartition = new List<MetricPoint>?[_partitions.Length];
        foreach (ref readonly var point in points)
        {
            (byPartition[LogPartitioner.PartitionOf(point.Series, _partitions.Length)] ??= []).Add(point);
        }

        var parts = new List<EncodedPart>();
        for (var p = 0; p < byPartition.Length; p++)
        {
            if (byPartition[p] is { } some)
            {
                parts.Add(EncodePart(p, [.. some]));
            }
        }

        return parts;
    }

    private static EncodedPart EncodePart(int partition, MetricPoint[] points)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, points.Length * 16));
        PointRecordCodec.Encode(points, buffer);
        var payload = buffer.WrittenMemory;
        return new EncodedPart(partition, points, payload, RecordFrame.Checksum(payload.Span));
    }

    private bool TryReserve(long size)
    {
        var queued = Interlocked.Add(ref _queuedBytes, size);
        if (queued > MaxQueuedBytes || Interlocked.Read(ref _bytes) + queued > _options.MaxBytes)
        {
            Interlocked.Add(ref _queuedBytes, -size);
            return false;
        }

        return true;
    }

    private async Task WriteLoopAsync()
    {
        var round = new List<PendingAppend>();
        var touched = new HashSet<LogPartition>();
        var published = new Dictionary<LogPartition, List<LogRecord>>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            round.Clear();
            while (_queue.Reader.TryRead(out var append))
            {
                round.Add(append);
            }

            try
            {
                WriteRound(round, touched, published);
            }
            catch (Exception ex)
            {
                // What was written but not fsynced is not acknowledged; the files are recovered on the next start.
                LogWriteFailed(ex, Directory);
                _closed = true;
                _queue.Writer.TryComplete();
                foreach (var append in round)
                {
                    Interlocked.Add(ref _queuedBytes, -append.Bytes);
                    append.Done.TrySetException(new IOException("The ingest log could not write to disk; nothing of this batch was acknowledged.", ex));
                }

                while (_queue.Reader.TryRead(out var later))
                {
                    Interlocked.Add(ref _queuedBytes, -later.Bytes);
                    later.Done.TrySetResult(LogAppendOutcome.Closed);
                }
            }

            Interlocked.Exchange(ref _appended, NewSignal()).TrySetResult();
        }
    }

    private void WriteRound(List<PendingAppend> round, HashSet<LogPartition> touched, Dictionary<LogPartition, List<LogRecord>> published)
    {
        touched.Clear();
        published.Clear();
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var appendedAt = DateTimeOffset.FromUnixTimeMilliseconds(nowMs);
        foreach (var append in round)
        {
            foreach (var part in append.Parts)
            {
                var partition = _partitions[part.Partition];
                var offset = partition.Write(part.Payload.Span, part.Crc, nowMs);
                touched.Add(partition);
                if (!published.TryGetValue(partition, out var records))
                {
                    published[partition] = records = [];
                }

                records.Add(new LogRecord(part.Partition, offset, appendedAt, part.Points));
            }
        }

        foreach (var partition in touched)
        {
            partition.Sync();
        }

        Interlocked.Increment(ref _flushes);

        foreach (var (partition, records) in published)
        {
            partition.Publish(records);
        }

        foreach (var append in round)
        {
            Interlocked.Add(ref _bytes, append.Bytes);
            Interlocked.Add(ref _queuedBytes, -append.Bytes);
            Interlocked.Add(ref _records, append.Parts.Count);
            Interlocked.Add(ref _points, append.Points);
            append.Done.TrySetResult(LogAppendOutcome.Appended);
        }
    }

    // A segment goes once every registered consumer has committed past it; a consumer that never committed holds all.
    private void DeleteReadSegments(LogPartition partition)
    {
        string[] consumers;
        lock (_consumersLock)
        {
            consumers = [.. _consumers];
        }

        if (consumers.Length == 0)
        {
            return;
        }

        var oldest = partition.OldestOffset;
        var min = consumers.Min(c => _cursors.Get(c, partition.Index) ?? oldest);
        var freed = partition.DeleteBefore(min);
        if (freed > 0)
        {
            Interlocked.Add(ref _bytes, -freed);
        }
    }

    // Series are spread by their hash modulo the partition count: a log written with another count cannot be read.
    private void CheckPartitionCount()
    {
        var existing = System.IO.Directory.EnumerateDirectories(Directory, "p*")
            .Select(Path.GetFileName)
            .Count(name => name is { Length: > 1 } && name[1..].All(char.IsAsciiDigit));
        if (existing > 0 && existing != _options.Partitions)
        {
            throw new InvalidOperationException(
                $"The ingest log at {Directory} has {existing} partitions but Cockpit:Log:Partitions is {_options.Partitions}; " +
                "set it back, or let every consumer catch up and remove the folder to change it.");
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record EncodedPart(int Partition, MetricPoint[] Points, ReadOnlyMemory<byte> Payload, uint Crc);

    private sealed class PendingAppend(List<EncodedPart> parts, long bytes, int points)
    {
        public List<EncodedPart> Parts { get; } = parts;

        public long Bytes { get; } = bytes;

        public int Points { get; } = points;

        public TaskCompletionSource<LogAppendOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Ingest log at {Path}: {Partitions} partition(s), {Records} records kept in {Bytes} bytes")]
    private partial void LogOpened(string path, int partitions, long records, long bytes);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Ingest log partition {Partition}: cut {Bytes} bytes of a write torn by a crash (never acknowledged)")]
    private partial void LogTornTail(int partition, long bytes);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Critical, Message = "Ingest log at {Path} could not write or fsync; it takes no more writes until Cockpit restarts")]
    private partial void LogWriteFailed(Exception exception, string path);
}
