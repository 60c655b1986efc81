using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Pipeline;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Http;
using Cockpit.Ingest.Mqtt;
using Cockpit.Ingest.Replay;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Simulation;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Api;

/// <summary>The read-only JSON API used by integrations and tests.</summary>
public static class CockpitApi
{
    /// <summary>Maps <c>/healthz</c>, <c>/api/series</c> and <c>/api/alerts</c>.</summary>
    public static IEndpointRouteBuilder MapCockpitApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", Health);
        endpoints.MapGet("/api/series", ListSeries);
        endpoints.MapGet("/api/alerts", ListAlerts);
        return endpoints;
    }

    private static IResult Health(
        IngestBus bus, IngestWriter writer, IngestHttpHandler http, SeriesRegistry registry, MqttStatus mqtt, ReplayStatus replay,
        SimulatorStatus simulator, IOptions<StoreOptions> store, InfluxDbStoreStatus influx, IMetricStore metricStore, DetectionPipeline detection) =>
        Results.Ok(new
        {
            status = "ok",
            store = new
            {
                kind = store.Value.Kind,
                influxDb = store.Value.Kind != StoreKind.InfluxDb ? null : new
                {
                    connected = influx.Connected, linesWritten = influx.LinesWritten, batchesWritten = influx.BatchesWritten,
                    retries = influx.Retries, rejectedLines = influx.RejectedLines, rejectedBatches = influx.RejectedBatches,
                    queuedBatches = influx.QueuedBatches, queuedLines = influx.QueuedLines,
                    spool = new
                    {
                        files = influx.SpoolFiles, bytes = influx.SpoolBytes, oldestAge = influx.SpoolOldestAge,
                        linesSpooled = influx.LinesSpooled, linesDrained = influx.LinesDrained,
                    },
                    droppedLines = influx.DroppedLines, droppedBatches = influx.DroppedBatches,
                    lastError = influx.LastError, lastErrorAt = influx.LastErrorAt,
                },
                embedded = metricStore is not DuckDbMetricStore embedded ? null : new
                {
                    path = embedded.DatabasePath, seriesInMemory = embedded.SeriesInMemory,
                },
            },
            bus = new { queued = bus.Queued, capacity = bus.Capacity, accepted = bus.Accepted, refused = bus.Refused },
            ingest = new
            {
                linesAccepted = writer.LinesAccepted,
                pointsAccepted = writer.PointsAccepted,
                linesRejected = writer.LinesRejected,
                linesRefused = writer.LinesRefused,
                stringFieldsSkipped = writer.StringFieldsSkipped,
                series = registry.Count,
                maxSeries = registry.MaxSeries,
                seriesRefused = registry.Refused,
                http = new { requests = http.Requests, unauthorized = http.Unauthorized, tooLarge = http.TooLarge, throttled = http.Throttled, partial = http.Partial },
                mqtt = new
                {
                    connected = mqtt.Connected, messagesReceived = mqtt.MessagesReceived, linesAccepted = mqtt.LinesAccepted,
                    linesRejected = mqtt.LinesRejected, badMessages = mqtt.BadMessages, reconnects = mqtt.Reconnects,
                    lastError = mqtt.LastError, lastErrorAt = mqtt.LastErrorAt,
                },
                replay = new { running = replay.Running, files = replay.Files },
            },
            detection = detection.Status,
            simulator = new { running = simulator.Running, speed = simulator.Speed, simulatedTime = simulator.SimulatedTime, ticks = simulator.Ticks },
        });

    private static async Task<IResult> ListSeries(string? measurement, IMetricStore store, CancellationToken cancellationToken)
    {
        var series = await store.ListSeriesAsync(string.IsNullOrWhiteSpace(measurement) ? null : measurement, cancellationToken);
        return Results.Ok(series);
    }

    private static IResult ListAlerts(string? state, IAlertBook book)
    {
        AlertStatus? filter = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<AlertStatus>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Results.BadRequest(new { error = $"Unknown state '{state}'; use one of: {string.Join(", ", Enum.GetNames<AlertStatus>()).ToLowerInvariant()}." });
            }

            filter = parsed;
        }

        var alerts = book.Snapshot().Where(a => filter is null || a.Status == filter).Select(a => new
        {
            a.Id,
            a.Rule,
            a.Measurement,
            a.Tags,
            a.Severity,
            State = a.Status,
            a.Summary,
            Value = Finite(a.Value),
            Expected = Finite(a.Expected),
            Score = Finite(a.Score),
            a.StartsAt,
            a.UpdatedAt,
            a.EndsAt,
        });
        return Results.Ok(alerts);
    }

    // JSON has no NaN: an unknown expectation (a threshold rule, a silence) is null.
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
