using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Web.Explore;

/// <summary>
/// A real embedded store with two hours of complaints written twice: a week ago (the baseline) and now (a surge
/// carried by tianhe · broadband · hotline). Per-minute counts, so each total is 120 × the rate:
/// <code>
/// series                              week before   now
/// tianhe  · broadband · hotline            10/min   30/min   Δ +2400
/// tianhe  · mobile    · app                 5/min    6/min   Δ  +120
/// liwan   · broadband · hotline             8/min   10/min   Δ  +240
/// haizhu  · billing   · &lt;img…&gt;             3/min    2/min   Δ  −120
/// total                                 3120     5760        Δ +2640
/// </code>
/// </summary>
public sealed class ExploreStoreScenario : IAsyncDisposable
{
    public const string Evil = "<img src=x onerror=alert(1)>";

    /// <summary>The current period's start; it lasts two hours.</summary>
    public static readonly DateTimeOffset From = Points.Monday.AddDays(7);

    public static readonly DateTimeOffset To = From.AddHours(2);

    private readonly TempDirectory _dir = new();

    public ExploreStoreScenario()
    {
        Store = new DuckDbMetricStore(
            Options.Create(new CockpitOptions { DataDir = _dir.Path }),
            Options.Create(new StoreOptions()),
            Time,
            NullLogger<DuckDbMetricStore>.Instance);
    }

    /// <summary>The store's clock (and the page's): a minute after the current period.</summary>
    public FakeTimeProvider Time { get; } = new(To.AddMinutes(1));

    public DuckDbMetricStore Store { get; }

    /// <summary>The address of the current period compared with the week before.</summary>
    public static string Query(string extra = "") =>
        "m=complaints&field=count&from=2026-11-30T00%3A00%3A00Z&to=2026-11-30T02%3A00%3A00Z&cmp=week" + extra;

    public async Task FillAsync()
    {
        Store.Append(History(From).ToArray());
        await Store.FlushAsync(CancellationToken.None);
    }

    /// <summary>The scenario's points for a current period starting at <paramref name="from"/> (and the week before it).</summary>
    public static List<MetricPoint> History(DateTimeOffset from)
    {
        (string Region, string Category, string Channel, double Before, double Now)[] rates =
        [
            ("tianhe", "broadband", "hotline", 10, 30),
            ("tianhe", "mobile", "app", 5, 6),
            ("liwan", "broadband", "hotline", 8, 10),
            ("haizhu", "billing", Evil, 3, 2),
        ];
        var points = new List<MetricPoint>();
        foreach (var (region, category, channel, before, now) in rates)
        {
            var series = Points.Complaints(region, channel, category);
            for (var minute = 0; minute < 120; minute++)
            {
                points.Add(Points.At(series, MetricNames.CountField, before, from.AddDays(-7).AddMinutes(minute)));
                points.Add(Points.At(series, MetricNames.CountField, now, from.AddMinutes(minute)));
                points.Add(Points.At(series, MetricNames.HandleTimeField, 300 + minute, from.AddMinutes(minute)));
            }
        }

        return points;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _dir.Dispose();
    }
}
