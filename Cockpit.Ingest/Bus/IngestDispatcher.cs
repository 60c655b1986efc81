using Cockpit.Ingest.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// Drains the ingest bus: each batch goes to the store and, point by point, to <see cref="IngestBus.Points"/>
/// (for big batches both at once, on two cores); a batch leaves the queue only when both have it. On stop the bus refuses new batches, every batch
/// already accepted is still dispatched, and the store is flushed — also when the stop comes before the loop ever
/// ran, which is why this is a plain hosted service and not a cancellable <see cref="BackgroundService"/>.
/// </summary>
internal sealed partial class IngestDispatcher(IngestBus bus, IMetricStore store, ILogger<IngestDispatcher> logger)
    : IHostedService
{
    // A few field series per allowed series; past that the marker starts over (see OutOfOrderMarker).
    private readonly OutOfOrderMarker _outOfOrder = new(maxTracked: 1_000_000);

    // Below this many points a batch is stored and published on this thread; handing it over costs more.
    private const int ParallelStoreThreshold = 2_000;
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Completing the queue ends the loop once it is empty: nothing accepted is left behind.
        bus.CompleteWriting();
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        await store.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        bus.CompletePoints();
    }

    private async Task RunAsync()
    {
        var reader = bus.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var batch))
            {
                await DispatchAsync(batch).ConfigureAwait(false);
            }
        }
    }

    private async Task DispatchAsync(PointBatch batch)
    {
        _outOfOrder.Mark(batch.Points);

        // A big batch is stored on another core while detection reads it here: the store's appends and the
        // detectors are the two costs of ingest, and the batch is only released once both are done.
        if (batch.Count >= ParallelStoreThreshold)
        {
            var storing = Task.Run(() => Store(batch));
            Publish(batch);
            await storing.ConfigureAwait(false);
        }
        else
        {
            Store(batch);
            Publish(batch);
        }

        if (batch.Pooled)
        {
            PointBuffer.Return(batch.Array, batch.Count);
        }

        bus.Release(batch.Count);
    }

    private void Store(PointBatch batch)
    {
        try
        {
            store.Append(batch.Points);
        }
        catch (Exception ex)
        {
            LogStoreFailed(ex, batch.Count);
        }
    }

    private void Publish(PointBatch batch)
    {
        var points = batch.Points;
        for (var i = 0; i < points.Length; i++)
        {
            try
            {
                bus.Publish(points[i]);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(ex, points[i].Series.Canonical);
            }
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "The store refused a batch of {Count} points")]
    private partial void LogStoreFailed(Exception exception, int count);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "A subscriber of the ingest stream failed on a point of {Series}")]
    private partial void LogSubscriberFailed(Exception exception, string series);
}
