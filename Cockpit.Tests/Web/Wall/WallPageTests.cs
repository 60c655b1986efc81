using System.Reactive.Subjects;
using AngleSharp.Dom;
using Bunit;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rollups;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls;
using Cockpit.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WallPage = Cockpit.Web.Components.Pages.Wall;

namespace Cockpit.Tests.Web.Wall;

public sealed class WallPageTests : BunitContext
{
    private static readonly string[] Districts = [.. Region.Guangzhou.Select(r => r.Id)];

    private readonly TestScheduler _scheduler = new();
    private readonly LiveRollups _rollups;
    private readonly Subject<ScoredValue> _scores = new();
    private readonly WallScores _wallScores;
    private readonly FakeAlertBook _book = new();
    private readonly FakeMetricStore _store = new();
    private readonly WeekAgoComplaints _weekAgo;
    private readonly BunitJSModuleInterop _charts;

    public WallPageTests()
    {
        var options = WallTestOptions.Create();
        _scheduler.AdvanceTo(Points.Monday.UtcTicks);
        _rollups = new LiveRollups(_scheduler, Options.Create(options));
        _wallScores = new WallScores(_scores, options);
        _wallScores.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        _weekAgo = new WeekAgoComplaints(_store, new FakeTimeProvider(Points.Monday), NullLogger<WeekAgoComplaints>.Instance);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(DisplayZones.Shanghai);
        Services.AddSingleton(_rollups);
        Services.AddSingleton(_wallScores);
        Services.AddSingleton(_weekAgo);
        Services.AddSingleton<IAlertBook>(_book);
        Services.AddSingleton(new SimulatorStatus());
        Services.AddSingleton<System.Reactive.Concurrency.IScheduler>(_scheduler);
        Services.AddSingleton<WallSnapshotBuilder>();
        _charts = JSInterop.SetupModule("./js/cockpit-charts.js");
        _charts.Mode = JSRuntimeMode.Loose;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _wallScores.Dispose();
        _rollups.Dispose();
        _scores.Dispose();
    }

    private IRenderedComponent<WallPage> Open(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/" + query);
        return Render<WallPage>();
    }

    // One minute of data for every district: complaints, business, network, and the complaint-surge score.
    private void Minute(int minute, double complaints = 10, double surgeScore = 0.1, double cellsDown = 0)
    {
        var time = Points.Monday.AddMinutes(minute);
        foreach (var region in Districts)
        {
            _rollups.Observe(Points.Count(region, complaints, time));
            var business = SeriesKey.Create(MetricNames.Business, (MetricNames.RegionTag, region), (MetricNames.BusinessTypeTag, "repair"));
            _rollups.Observe(Points.At(business, MetricNames.AttemptsField, 100, time));
            _rollups.Observe(Points.At(business, MetricNames.SuccessesField, 97, time));
            var network = SeriesKey.Create(MetricNames.Network, (MetricNames.CellTag, region + "-1"), (MetricNames.RegionTag, region));
            _rollups.Observe(Points.At(network, MetricNames.LatencyField, 30, time));
            _rollups.Observe(Points.At(network, MetricNames.LossField, 0.2, time));
            _rollups.Observe(Points.At(network, MetricNames.OutagesField, region == "tianhe" ? cellsDown : 0, time));
            var score = region == "tianhe" ? surgeScore : 0.05;
            _scores.OnNext(new ScoredValue("complaint-surge", "complaint-surge|complaints|" + region, UnixTime.ToNanos(time), complaints, score, 9, 6, 12) { Measurement = "complaints", Labels = [new("region", region)] });
        }
    }

    private static AlertRecord Alert(long id, string region, DateTimeOffset start, AlertStatus status = AlertStatus.Firing, AlertSeverity severity = AlertSeverity.Critical) => new()
    {
        Id = id,
        Fingerprint = $"complaint-surge{{region={region}}}#{id}",
        Rule = "complaint-surge",
        Measurement = MetricNames.Complaints,
        Tags = new Dictionary<string, string> { [MetricNames.RegionTag] = region },
        Severity = severity,
        Status = status,
        Summary = "complaints well above expected",
        StartsAt = start,
        UpdatedAt = start,
        ChangedAt = start,
    };

    private static int Nodes(IRenderedComponent<WallPage> page) => page.Nodes.Sum(n => n.GetDescendantsAndSelf().Count());

    [Fact]
    public void Render_TenThousandLiveUpdates_DomChartDataAndBuffersStayBounded()
    {
        var page = Open();
        var nodesAt = new List<int>();
        for (var update = 1; update <= 10_000; update++)
        {
            Minute(update, complaints: 10 + (update % 7), surgeScore: update % 500 < 20 ? 0.9 : 0.1);
            if (update % 100 == 0)
            {
                // The alert book keeps open and recent alerts; the wall must not show more than its own limits.
                _book.Alerts.Clear();
                _book.Alerts.AddRange(Enumerable.Range(0, 200).Select(i => Alert(update * 1000L + i, Districts[i % 11], Points.Monday.AddMinutes(update - (i % 150)), i % 3 == 0 ? AlertStatus.Resolved : AlertStatus.Firing)));
            }

            _scheduler.Advance(TimeSpan.FromSeconds(1));
            if (update % 1000 == 0)
            {
                nodesAt.Add(Nodes(page));
            }
        }

        // The DOM does not grow with time: the same number of nodes after 1 000 updates as after 10 000.
        Assert.True(nodesAt.Max() - nodesAt.Min() <= 20, "DOM nodes per 1 000 updates: " + string.Join(", ", nodesAt));
        Assert.Equal(WallSnapshotBuilder.MaxActive, page.FindAll(".ticker-item").Count);
        Assert.Equal(WallSnapshotBuilder.MaxActive, page.FindAll(".alert-row").Count);

        // What the charts are given is bounded too: whole series of at most ChartBuckets points, replaced on each update.
        var charts = page.FindComponents<ApexChart>();
        Assert.Equal(4, charts.Count);
        foreach (var chart in charts)
        {
            Assert.All(chart.Instance.Series, s => Assert.InRange(s.Points.Count, 1, WallSnapshotBuilder.ChartBuckets));
            Assert.InRange(chart.Instance.Annotations.Count, 0, WallSnapshotBuilder.MaxAnnotations);
        }

        var focus = charts.Single(c => c.Instance.Key == "focus").Instance;
        Assert.Equal(WallSnapshotBuilder.ChartBuckets, focus.Band!.Ranges.Count);
        Assert.True(_charts.Invocations["update"].Count >= 1_000, $"{_charts.Invocations["update"].Count} chart updates");
        Assert.True(_wallScores.BandPointCount <= Districts.Length * WallScores.BandCapacity);
        Assert.Equal(1, _book.Subscribers);
    }

    [Fact]
    public void Render_LiveData_FocusChartOnTheHottestDistrictWithItsBandAndAlertStarts()
    {
        for (var minute = 0; minute < 30; minute++)
        {
            Minute(minute, surgeScore: minute > 25 ? 0.95 : 0.1);
        }

        _book.Alerts.Add(Alert(1, "tianhe", Points.Monday.AddMinutes(27)));
        _book.Alerts.Add(Alert(2, "liwan", Points.Monday.AddMinutes(20), severity: AlertSeverity.Warning));

        var page = Open();

        var focus = page.FindComponents<ApexChart>().Single(c => c.Instance.Key == "focus").Instance;
        Assert.Contains("天河 tianhe", focus.Title, StringComparison.Ordinal);
        Assert.Equal(["天河 tianhe · measured", "expected"], focus.Series.Select(s => s.Name));
        Assert.True(focus.Series[1].Dashed);
        Assert.Equal(30, focus.Band!.Ranges.Count);
        Assert.Equal(new ChartRange(Points.Monday.AddMinutes(29).ToUnixTimeMilliseconds(), 6, 12), focus.Band.Ranges[^1]);
        var annotation = Assert.Single(focus.Annotations);
        Assert.Equal(new ChartAnnotation(Points.Monday.AddMinutes(27).ToUnixTimeMilliseconds(), "天河 tianhe", "critical"), annotation);
        var complaints = page.FindComponents<ApexChart>().Single(c => c.Instance.Key == "complaints").Instance;
        Assert.Equal(2, complaints.Annotations.Count);
        Assert.Equal("0.95", page.Find("tr[data-region=tianhe] [data-family=complaints]").GetAttribute("data-score"));
        Assert.Contains("heat-severe", page.Find("tr[data-region=tianhe] [data-family=complaints]").ClassList);
    }

    [Fact]
    public void Render_DistrictInTheAddress_PinsTheFocusChart()
    {
        Minute(0, surgeScore: 0.9);

        var page = Open("?district=liwan");

        Assert.Contains("荔湾 liwan", page.FindComponents<ApexChart>().Single(c => c.Instance.Key == "focus").Instance.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_KpiTiles_ComplaintsAgainstLastWeekOnceTheStoreAnswered()
    {
        _store.Answer = _ => FakeMetricStore.Complaints((Points.Monday, 330));
        for (var minute = 0; minute < 60; minute++)
        {
            Minute(minute, complaints: 1, cellsDown: minute == 59 ? 1 : 0);
        }

        var page = Open();
        Assert.Equal("660", page.Find("[data-kpi=complaints] .kpi-value").TextContent);
        Assert.Contains("no data", page.Find("[data-kpi=complaints] .kpi-detail").TextContent, StringComparison.Ordinal);

        await _weekAgo.Pending;
        _book.Publish();

        page.WaitForAssertion(() => Assert.Equal("+100 % vs same hour last week (330)", page.Find("[data-kpi=complaints] .kpi-detail").TextContent));
        Assert.Contains("kpi-critical", page.Find("[data-kpi=complaints]").ClassList);
        Assert.Equal("97.0%", page.Find("[data-kpi=success-rate] .kpi-value").TextContent);
        Assert.Contains("kpi-ok", page.Find("[data-kpi=success-rate]").ClassList);
        Assert.Equal("90.9%", page.Find("[data-kpi=network] .kpi-value").TextContent);
        Assert.Contains("kpi-critical", page.Find("[data-kpi=network]").ClassList);
        Assert.StartsWith("1 cell(s) down", page.Find("[data-kpi=network] .kpi-detail").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Kiosk_MarkedForTheTv()
    {
        var page = Open("?kiosk=1");

        Assert.Equal("1", page.Find(".wall").GetAttribute("data-kiosk"));
        Assert.Contains("wall-kiosk", page.Find(".wall").ClassList);
        Assert.Equal("0", Open().Find(".wall").GetAttribute("data-kiosk"));
    }

    [Fact]
    public void Render_Rotate_OnePanelAtATimeTurningOnTheScheduler()
    {
        Minute(0);
        var page = Open("?rotate=30");

        Assert.Equal("live", page.Find(".wall").GetAttribute("data-panel"));
        Assert.Equal(["focus"], page.FindComponents<ApexChart>().Select(c => c.Instance.Key));
        Assert.Single(page.FindAll(".heat"));

        _scheduler.Advance(TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Equal("trends", page.Find(".wall").GetAttribute("data-panel")));
        Assert.Equal(["complaints", "success-rate", "latency"], page.FindComponents<ApexChart>().Select(c => c.Instance.Key));
        Assert.Empty(page.FindAll(".heat"));
        Assert.Single(page.FindAll(".ticker"));

        _scheduler.Advance(TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.Equal("live", page.Find(".wall").GetAttribute("data-panel")));
    }

    [Fact]
    public void Render_RotateBelowTheMinimum_ClampedToFiveSeconds()
    {
        var page = Open("?rotate=1");

        _scheduler.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal("live", page.Find(".wall").GetAttribute("data-panel"));
        _scheduler.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("trends", page.Find(".wall").GetAttribute("data-panel")));
    }

    [Fact]
    public void Dispose_EndsEverySubscriptionAndTheRotation()
    {
        var page = Open("?rotate=10");
        Assert.Equal(1, _book.Subscribers);

        var renders = page.RenderCount;

        page.Instance.Dispose();
        _scheduler.Advance(TimeSpan.FromMinutes(1));
        Minute(0);
        _scheduler.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, _book.Subscribers);
        Assert.Equal(renders, page.RenderCount);
    }

    [Fact]
    public void Render_ChineseCulture_TilesAndTitlesInChinese()
    {
        using var culture = new Controls.CultureScope("zh-CN");
        Minute(0);

        var page = Open();

        Assert.Equal("近一小时投诉", page.Find("[data-kpi=complaints] .kpi-label").TextContent);
        Assert.Equal("各区每分钟投诉量", page.FindComponents<ApexChart>().Single(c => c.Instance.Key == "complaints").Instance.Title);
        var focus = page.FindComponents<ApexChart>().Single(c => c.Instance.Key == "focus").Instance;
        Assert.Equal("正常区间", focus.Band!.Name);
    }

    [Fact]
    public async Task Render_PushFromAThreadInAnotherCulture_StillRendersInTheViewersCulture()
    {
        IRenderedComponent<WallPage> page;
        using (new Controls.CultureScope("zh-CN"))
        {
            Minute(0);
            page = Open();
        }

        // Pushes come from scheduler threads, whose culture is the server's, not the viewer's.
        await Task.Run(() =>
        {
            using var server = new Controls.CultureScope("en-US");
            Minute(1, complaints: 1234);
            _book.Publish();
        });

        page.WaitForAssertion(() => Assert.Equal("13,684", page.Find("[data-kpi=complaints] .kpi-value").TextContent));
        Assert.Equal("近一小时投诉", page.Find("[data-kpi=complaints] .kpi-label").TextContent);
        Assert.Equal("各区异常评分", page.Find(".heat-title").TextContent);
    }

    [Fact]
    public void Render_DataTime_InTheDisplayZoneWithItsOffset()
    {
        Minute(0);

        var page = Open();

        // The newest complete minute, Monday 00:00 UTC, on the service centre's clock.
        Assert.Equal("2026-11-23 08:00 UTC+8", page.Find("[data-testid='data-time']").TextContent);
    }

    [Fact]
    public void Render_DataTime_ZoneWithDaylightSaving_ItsOffsetAtThatTime()
    {
        Services.AddSingleton(DisplayZones.Berlin);
        Minute(0);

        var page = Open();

        Assert.Equal("2026-11-23 01:00 UTC+1", page.Find("[data-testid='data-time']").TextContent);
    }
}
