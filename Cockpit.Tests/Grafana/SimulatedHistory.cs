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
    /// Produces the data: every point the simulator generates for both spans, written to influxd's <c>/write</c> as
    /// line protocol. Returns how many field values were written.
    /// </summary>
    public static async Task<long> WriteAsync(InfluxdServer influxd, string database, CancellationToken cancellationToken = default)
    {
        using var client = influxd.CreateClient();
        var written = 0L;
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
                using var response = await client.PostAsync($"write?db={Uri.EscapeDataString(database)}", content, cancellationToken);
                if (response.StatusCode != HttpStatusCode.NoContent)
                {
                    throw new InvalidOperationException(
                        $"influxd answered {(int)response.StatusCode} to a write: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
        }

        return written;
    }
}
