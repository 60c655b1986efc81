using Cockpit.Ingest.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// Drains the ingest bus: each batch goes to the store first (so anything detection sees is on its way
/// to disk) and then, point by point, to <see cref="IngestBus.Points"/>. On shutdown the queue is drained
/// and the store flushed, so points accepted before the stop are kept.
/// </summary>
internal sealed partial class IngestDispatcher(IngestBus bus, IMetricStore store, ILogger<IngestDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = bus.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var batch))
                {
                    Dispatch(batch);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: fall through and drain what was accepted.
        }

        while (reader.TryRead(out var batch))
        {
            Dispatch(batch);
        }

        await store.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private void Dispatch(Model.MetricPoint[] batch)
    {
        try
        {
            store.Append(batch);
        }
        catch (Exception ex)
        {
            LogStoreFailed(ex, batch.Length);
        }

        for (var i = 0; i < batch.Length; i++)
        {
            try
            {
                bus.Publish(batch[i]);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(ex, batch[i].Series.Canonical);
            }
        }

        bus.Release(batch.Length);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "The store refused a batch of {Count} points")]
    private partial void LogStoreFailed(Exception exception, int count);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "A subscriber of the ingest stream failed on a point of {Series}")]
    private partial void LogSubscriberFailed(Exception exception, string series);
}
