using System.Net;
using System.Text;
using Cockpit.Ingest.Simulation;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Grafana;

/// <summary>
/// The history the dashboards are checked against: eight simulated hours of the service centre ending at
/// <see cref="Now"/> (a Monday, 08:00–16:00 in Guangzhou; the first surge, success-rate decline and cell outage start
/// 2½ hours in), and the same eight hours one week earlier for the "same time last week" panels.
/// </summary>
public static class SimulatedHistory
{
    private const int TicksPerRequest = 20;

    /// <summary>The end of the data: "now" for the dashboards' relative time ranges.</summary>
    public static DateTimeOffset Now { get; } = Points.Monday.AddHours(8);

    /// <summary>How much each span covers.</summary>
    public static TimeSpan Length { get; } = TimeSpan.FromHours(8);

    /// <summary>The simulator's settings: pinned seed, default 1-minute interval, incidents inside the default 6-hour view.</summary>
    public static SimulatorOptions Options => new() { Seed = 20261124, FirstIncidentAfter = TimeSpan.FromMinutes(150) };

    /// <summary>Where each span starts: this week's, then last week's.</summary>
    public static IReadOnlyList<DateTimeOffset> SpanStarts { get; } = [Now - Length, Now - TimeSpan.FromDays(7) - Length];

    /// <summary>The incidents staged in this week's span.</summary>
    public static IReadOnlyList<Incident> Incidents() =>
        [.. new TelecomSimulator(Options, SpanStarts[0]).Schedule.ForCycle(0).Where(i => i.Start < Now)];

    /// <summary>
    /// Produces the data the way a deployment does: every point the simulator generates for both spans is posted as
    /// line protocol to a real Cockpit host's <c>/write</c>, and Cockpit's InfluxDB store writes it into
    /// <paramref name="influxd"/>. Stopping the host drains the queue and flushes the store; then influxd must hold
    /// every field value. Returns how many were written.
    /// </summary>
    public static async Task<long> WriteAsync(InfluxdServer influxd, string database, CancellationToken cancellationToken = default)
    {
        var written = 0L;
        using (var cockpit = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:Store:Kind", "InfluxDb")
            .With("Cockpit:Store:InfluxDb:Url", influxd.Address.ToString())
            .With("Cockpit:Store:InfluxDb:Database", database)
            .With("Cockpit:Ingest:MaxFutureSkew", "3650.00:00:00"))
        {
            using var client = cockpit.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", DemoToken);
            foreach (var start in SpanStarts)
            {
                var simulator = new TelecomSimulator(Options, start);
                var ticks = (long)(Length / Options.Interval);
                for (var first = 0L; first < ticks; first += TicksPerRequest)
                {
                    var body = new StringBuilder();
                    for (var tick = first; tick < Math.Min(first + TicksPerRequest, ticks); tick++)
                    {
                        var points = simulator.Generate(tick);
                        LineProtocolLines.Append(body, points);
                        written += points.Length;
                    }

                    using var content = new StringContent(body.ToString(), Encoding.UTF8, "text/plain");
                    using var response = await client.PostAsync("write?precision=ns", content, cancellationToken);
                    if (response.StatusCode != HttpStatusCode.NoContent)
                    {
                        throw new InvalidOperationException(
                            $"Cockpit answered {(int)response.StatusCode} to a write: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    }
                }
            }
        }

        var stored = await CountFieldValuesAsync(influxd, database, cancellationToken);
        if (stored != written)
        {
            throw new InvalidOperationException($"Cockpit accepted {written} field values but influxd holds {stored}.");
        }

        return written;
    }

    // The demo ingest token the host's appsettings ship (Development environment).
    private const string DemoToken = "cockpit-demo-ingest-token";

    private static async Task<long> CountFieldValuesAsync(InfluxdServer influxd, string database, CancellationToken cancellationToken)
    {
        var total = 0L;
        foreach (var measurement in new[] { "complaints", "business", "network" })
        {
            using var json = System.Text.Json.JsonDocument.Parse(await influxd.QueryAsync(database, $"SELECT count(*) FROM \"{measurement}\"", cancellationToken));
            foreach (var series in json.RootElement.GetProperty("results")[0].GetProperty("series").EnumerateArray())
            {
                var row = series.GetProperty("values")[0];
                for (var i = 1; i < row.GetArrayLength(); i++)
                {
                    total += row[i].GetInt64();
                }
            }
        }

        return total;
    }
}
