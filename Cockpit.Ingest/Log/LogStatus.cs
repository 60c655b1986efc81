namespace Cockpit.Ingest.Log;

/// <summary>A snapshot of the log: its size against its limit, what it took, its group commits (flushes), and each consumer's lag.</summary>
public sealed record LogStatus(
    long Bytes,
    long MaxBytes,
    long RecordsAppended,
    long PointsAppended,
    long PointsRefused,
    long Flushes,
    IReadOnlyList<LogConsumerLag> Consumers);

/// <summary>How far behind the end of the log a consumer is, summed over partitions: records, and age of the oldest unread.</summary>
public sealed record LogConsumerLag(string Consumer, long Records, TimeSpan Behind);
