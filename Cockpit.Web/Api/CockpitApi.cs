using Cockpit.Alerting;
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
using Cockpit.Web.Api.Alerts;
using Cockpit.Web.Api.Ingest;
using Cockpit.Web.Api.Rules;
using Cockpit.Web.Api.Silences;
using Cockpit.Web.Api.Users;
using Cockpit.Web.Security;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Api;

/// <summary>The JSON API used by integrations, scripts and tests.</summary>
public static class CockpitApi
{
    /// <summary>
    /// Maps the open <c>/healthz</c> and, behind an API token (<see cref="CockpitPolicies.Read"/> at least),
    /// <c>/api/series</c>, <c>/api/alerts</c> and <c>/api/silences</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapCockpitApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Created now rather than at the first call, so that a missing or demo token is logged at start.
        _ = endpoints.ServiceProvider.GetRequiredService<ApiTokenAuthenticator>();

        endpoints.MapGet("/healthz", Health).AllowAnonymous();
        var api = endpoints.MapGroup("/api").RequireAuthorization(CockpitPolicies.Read);
        api.MapGet("/series", ListSeries);
        api.MapAlertsApi();
        api.MapSilencesApi();
        api.MapIngestTokensApi();
        api.MapRulesApi();
        api.MapUsersApi();
        return endpoints;
    }

    private static IResult Health(
        IngestBus bus, IngestWriter writer, IngestHttpHandler http, SeriesRegistry registry, MqttStatus mqtt, ReplayStatus replay,
        SimulatorStatus simulator, IOptions<StoreOptions> store, InfluxDbStoreStatus influx, IMetricStore metricStore, DetectionPipeline detection,
        AlertingHealth alerting) =>
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
            bus = new { accepted = bus.Accepted, refused = bus.Refused },
            log = LogHealth(bus.Log.Status),
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
                http = new
                {
                    requests = http.Requests, unauthorized = http.Unauthorized, tooLarge = http.TooLarge, throttled = http.Throttled, partial = http.Partial,
                    linesAccepted = http.LinesAccepted, pointsAccepted = http.PointsAccepted, linesRejected = http.LinesRejected, lastWriteAt = http.LastWriteAt,
                    lastError = http.LastError, lastErrorAt = http.LastErrorAt,
                },
                mqtt = new
                {
                    connected = mqtt.Connected, messagesReceived = mqtt.MessagesReceived, linesAccepted = mqtt.LinesAccepted,
                    linesRejected = mqtt.LinesRejected, badMessages = mqtt.BadMessages, reconnects = mqtt.Reconnects,
                    lastMessageAt = mqtt.LastMessageAt, lastError = mqtt.LastError, lastErrorAt = mqtt.LastErrorAt,
                },
                replay = new { running = replay.Running, files = replay.Files },
            },
            detection = detection.Status,
            alerting = alerting.Snapshot(),
            simulator = new { running = simulator.Running, speed = simulator.Speed, simulatedTime = simulator.SimulatedTime, ticks = simulator.Ticks },
        });

    // The log's size against its limit and each consumer's lag, in records and in seconds behind the oldest unread record.
    private static object LogHealth(Cockpit.Ingest.Log.LogStatus log) => new
    {
        bytes = log.Bytes, maxBytes = log.MaxBytes, records = log.RecordsAppended, points = log.PointsAppended, refused = log.PointsRefused, flushes = log.Flushes,
        consumers = log.Consumers.Select(c => new { name = c.Consumer, lagRecords = c.Records, lagSeconds = Math.Round(c.Behind.TotalSeconds, 3) }),
    };

    private static async Task<IResult> ListSeries(string? measurement, IMetricStore store, CancellationToken cancellationToken)
    {
        var series = await store.ListSeriesAsync(string.IsNullOrWhiteSpace(measurement) ? null : measurement, cancellationToken);
        return Results.Ok(series);
    }
}
