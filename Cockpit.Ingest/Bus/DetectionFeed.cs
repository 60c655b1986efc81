using Cockpit.Ingest.Log;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// Feeds the log to <see cref="IngestBus.Points"/> (detection and the live views), from its own cursor. It starts once the
/// host has started, so every subscriber is there for the first point. After a restart it resumes from its last commit:
/// the records since then (at most a commit interval's worth, or what arrived while Cockpit was down, bounded by the
/// log's size) go through detection again, whose learnt state starts afresh as before.
/// </summary>
internal sealed partial class DetectionFeed(
    IIngestLog log, IngestBus bus, IHostApplicationLifetime lifetime, TimeProvider time, IOptions<LogOptions> options, ILogger<DetectionFeed> logger)
    : LogConsumer(log, time, options.Value.CommitInterval, logger)
{
    public const string ConsumerName = "detection";

    // A few field series per allowed series; past that the marker starts over (see OutOfOrderMarker).
    private readonly OutOfOrderMarker _outOfOrder = new(maxTracked: 1_000_000);
    private CancellationTokenRegistration _started;

    protected override string Name => ConsumerName;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        Log.Register(Name);
        _started = lifetime.ApplicationStarted.Register(() => base.StartAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _started.DisposeAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override void Consume(LogRecord record)
    {
        var points = record.Points;
        _outOfOrder.Mark(points);
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

    protected override void Completed() => bus.CompletePoints();

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "A subscriber of the ingest stream failed on a point of {Series}")]
    private partial void LogSubscriberFailed(Exception exception, string series);
}
