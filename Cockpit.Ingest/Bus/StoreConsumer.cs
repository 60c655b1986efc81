using Cockpit.Ingest.Log;
using Cockpit.Ingest.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// Moves the log into the metric store. A store that keeps its cursor with its points (the embedded one commits both in
/// one transaction) resumes exactly where its last commit ended: no point stored twice, none skipped. Any other store
/// resumes from the cursor this consumer commits after each flush, which may repeat a few records; stores treat a
/// point with the same series, field and time as the same point, so a repeat changes nothing.
/// </summary>
internal sealed partial class StoreConsumer(IIngestLog log, IMetricStore store, TimeProvider time, IOptions<LogOptions> options, ILogger<StoreConsumer> logger)
    : LogConsumer(log, time, options.Value.CommitInterval, logger)
{
    public const string ConsumerName = "store";

    protected override string Name => ConsumerName;

    protected override IReadOnlyDictionary<int, long> ResumePoints()
    {
        var own = store.LogCursors;
        return own.Count > 0 ? own : base.ResumePoints();
    }

    protected override void Consume(LogRecord record)
    {
        try
        {
            store.Append(record.Points, record.Partition, record.Next);
        }
        catch (Exception ex)
        {
            LogStoreFailed(ex, record.Partition, record.Offset, record.Points.Length);
        }
    }

    protected override Task BeforeCommitAsync(CancellationToken cancellationToken) => store.FlushAsync(cancellationToken);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "The store refused record {Offset} of log partition {Partition} ({Count} points)")]
    private partial void LogStoreFailed(Exception exception, int partition, long offset, int count);
}
