using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Log;

/// <summary>
/// The durable, append-only log between ingest and everything downstream, partitioned by series key. Writers append
/// batches and hear back once they are durable; consumers (the store, detection, …) each read every partition at their
/// own pace from their own cursor and commit how far they have got, which is what lets the log delete what all of
/// them have read. The embedded implementation keeps segment files in <c>DataDir</c>; a distributed one (a NATS
/// JetStream stream) implements the same contract, so no consumer knows which it reads.
/// </summary>
public interface IIngestLog : IAsyncDisposable
{
    /// <summary>How many partitions the log has; a series always lands in the same one.</summary>
    int Partitions { get; }

    /// <summary>
    /// Appends the points (split by partition) and completes once all of them are durable — or refuses all of them
    /// (full, too large, closing). Concurrent appends share one flush to disk.
    /// </summary>
    ValueTask<LogAppendOutcome> AppendAsync(ReadOnlyMemory<MetricPoint> points, CancellationToken cancellationToken);

    /// <summary>Completes when something new is durable in any partition (or the log closes, or after a while).</summary>
    Task WaitForAppendAsync(CancellationToken cancellationToken);

    /// <summary>A consumer that must read every record before the log may delete it; call before reading.</summary>
    void Register(string consumer);

    /// <summary>Where a registered consumer last committed it had got in each partition (its resume points).</summary>
    IReadOnlyDictionary<int, long> Committed(string consumer);

    /// <summary>Persists how far a consumer has got in a partition: every record before <paramref name="next"/> is done.</summary>
    ValueTask CommitAsync(string consumer, int partition, long next, CancellationToken cancellationToken);

    /// <summary>Opens a reader of a partition at <paramref name="from"/> (moved up to the oldest record kept, if older).</summary>
    ILogReader OpenReader(int partition, long from);

    /// <summary>Refuses further appends (they answer <see cref="LogAppendOutcome.Closed"/>); what is durable stays readable.</summary>
    void CompleteWriting();

    /// <summary>Sizes, ends and each consumer's lag, for health and the admin page.</summary>
    LogStatus Status { get; }
}
