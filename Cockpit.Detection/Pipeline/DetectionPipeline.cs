using Cockpit.Detection.Alerts;
using Cockpit.Detection.Rollups;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// Subscribes detection to the live point stream: every point updates the live rollups and is offered to the
/// rules; rule signals become alerts in the <see cref="AlertFeed"/>. A failing step is logged and skipped for that
/// point, so one bad value never stops detection.
/// </summary>
internal sealed partial class DetectionPipeline(
    IngestBus bus,
    LiveRollups rollups,
    AlertFeed alerts,
    IOptions<DetectionOptions> options,
    ILogger<DetectionPipeline> logger) : IHostedService, IDisposable
{
    private readonly ComplaintSurgeRule _surge = new(options.Value.ComplaintSurge);
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Points.Subscribe(OnPoint);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private void OnPoint(MetricPoint point)
    {
        try
        {
            rollups.Observe(point);
            if (_surge.Observe(point) is { } signal && alerts.Apply(signal) is { } alert)
            {
                // Opening and resolving are news; the per-bucket updates of a firing alert are not.
                if (alert.State == AlertState.Resolved || alert.UpdatedAt == alert.StartedAt)
                {
                    LogAlertChanged(alert.Id, alert.Rule, alert.State, alert.Summary);
                }
                else
                {
                    LogAlertUpdated(alert.Id, alert.Summary);
                }
            }
        }
        catch (Exception ex)
        {
            LogPointFailed(ex, point.Series.Canonical);
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Alert {Id} ({Rule}) is {State}: {Summary}")]
    private partial void LogAlertChanged(string id, string rule, AlertState state, string summary);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Alert {Id} still firing: {Summary}")]
    private partial void LogAlertUpdated(string id, string summary);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Detection failed on a point of {Series}")]
    private partial void LogPointFailed(Exception exception, string series);
}
