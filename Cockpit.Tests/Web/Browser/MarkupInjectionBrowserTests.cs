using System.Globalization;
using System.Text.RegularExpressions;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>
/// Tag values carrying markup, written through <c>/write</c> as any source could, show as text on every page that
/// shows tags: explore (tag picker, chart legend and tooltip, contribution table), the inbox, the alert page and the
/// wall (heat grid, ticker, focus chart). On each page no dialog opens, no <c>img[src=x]</c> exists and no injected
/// script ran. Real host on a socket (simulator off, a test ingest token), Debian's Chromium.
/// </summary>
public sealed class MarkupInjectionBrowserTests() : BrowserTest(
    new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .WithTestIngestToken())
{
    /// <summary>The issue's own example: an alert(1) dialog if it ever becomes markup.</summary>
    private const string ImgAlert = "<img src=x onerror=alert(1)>";

    /// <summary>A script element: an alert(2) dialog and a flag if it ever runs.</summary>
    private const string Script = "<script>window.__pwned='script';alert(2)</script>";

    /// <summary>An image whose error handler sets a flag (no dialog to notice).</summary>
    private const string ImgFlag = "<img src=x onerror=window.__pwned='img'>";

    private DateTimeOffset _now;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _now = Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await WriteAsync();
    }

    private DateTimeOffset PeriodEnd => new(_now.UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, TimeSpan.Zero);

    [Fact]
    public void Line_TagValuesWithMarkup_EscapedAsLineProtocolRequires()
    {
        var line = HttpIngest.Line(MetricNames.Network, [(MetricNames.RegionTag, ImgAlert), (MetricNames.CellTag, "a,b")], MetricNames.OutagesField, 1, DateTimeOffset.UnixEpoch);

        Assert.Equal(@"network,cell=a\,b,region=<img\ src\=x\ onerror\=alert(1)> outages=1 0", line);
    }

    [Fact]
    public async Task Explore_TagValuesWithMarkup_PickerLegendTooltipAndTableShowText()
    {
        var (page, problems) = await OpenAsync(ApiRoles.Analyst);
        var (from, to) = (PeriodEnd.AddHours(-3), PeriodEnd.AddHours(-1));
        await page.GotoAsync(new Uri(Address, string.Create(CultureInfo.InvariantCulture,
            $"explore?m=complaints&field=count&from={from:yyyy-MM-ddTHH}%3A00%3A00Z&to={to:yyyy-MM-ddTHH}%3A00%3A00Z&cmp=week&by=region&dim=region&dim=channel")).ToString());

        // Once the circuit runs the page it writes the whole state into the address; from then on the page is live.
        await page.WaitForURLAsync(new Regex("agg=sum&"), new() { Timeout = 15_000 });

        // The picker lists the values as text.
        var regions = page.Locator(".tag-picker[data-tag='region']");
        await Assertions.Expect(regions.Locator(".tag-value span")).ToHaveTextAsync([ImgAlert, Script, "tianhe"], new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".tag-picker[data-tag='channel'] .tag-value span")).ToHaveTextAsync([ImgFlag, "hotline"]);
        await regions.Locator("summary").ClickAsync();
        await Assertions.Expect(regions.GetByText(ImgAlert, new() { Exact = true })).ToBeVisibleAsync();

        // The legend, current and the week before.
        var chart = page.Locator(".chart[data-chart='explore']");
        await Assertions.Expect(chart.Locator(".apexcharts-legend-text")).ToHaveTextAsync(
            [ImgAlert, Script, "tianhe", ImgAlert + " (week before)", Script + " (week before)", "tianhe (week before)"], new() { Timeout = 15_000 });

        // The tooltip names the series of the hovered minute.
        var plot = chart.Locator(".apexcharts-grid");
        var box = (await plot.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await Assertions.Expect(chart.Locator(".apexcharts-tooltip-text-y-label").First).ToHaveTextAsync(ImgAlert + ":");

        // The contribution table: the biggest share of the rise is the image's hotline.
        var labels = page.Locator(".contribution-row .contribution-label");
        await Assertions.Expect(labels.First).ToHaveTextAsync(ImgAlert + " · hotline", new() { Timeout = 15_000 });
        await Assertions.Expect(labels.Filter(new() { HasText = Script + " · " + ImgFlag })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".contribution-headline")).ToContainTextAsync(ImgAlert);
        await AssertInertAsync(page, problems);
        await PageProblems.ScreenshotAsync(page, "markup-as-text.png");

        // Picking a value puts it in the address, escaped, and the page reopened from it shows it as text again.
        await regions.Locator("input[type=checkbox]").First.CheckAsync();
        await page.WaitForURLAsync(new Regex("region=" + Regex.Escape(Uri.EscapeDataString(ImgAlert))));
        await Assertions.Expect(regions.Locator(".tag-selection")).ToHaveTextAsync(ImgAlert);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".tag-picker[data-tag='region'] .tag-selection")).ToHaveTextAsync(ImgAlert, new() { Timeout = 15_000 });
        await Assertions.Expect(chart.Locator(".apexcharts-legend-text").First).ToHaveTextAsync(ImgAlert, new() { Timeout = 15_000 });
        await AssertInertAsync(page, problems);
    }

    [Fact]
    public async Task Inbox_AlertOnTagValuesWithMarkup_ListAndDetailShowText()
    {
        var (page, problems) = await OpenAsync(ApiRoles.OnCall);
        await page.GotoAsync(new Uri(Address, "alerts?filter=" + Uri.EscapeDataString("{rule=\"network-outage\"}")).ToString());

        var img = page.Locator("tr.alert-table-row").Filter(new() { Has = page.Locator(".col-region", new() { HasTextString = ImgAlert }) });
        var script = page.Locator("tr.alert-table-row").Filter(new() { Has = page.Locator(".col-region", new() { HasTextString = Script }) });
        await Assertions.Expect(page.Locator("tr.alert-table-row")).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Assertions.Expect(img.Locator(".col-region")).ToHaveTextAsync(ImgAlert);
        await Assertions.Expect(img.Locator(".tag[data-label='cell'] .tag-value")).ToHaveTextAsync(ImgFlag);
        await Assertions.Expect(img.Locator(".col-summary")).ToContainTextAsync(ImgAlert);
        await Assertions.Expect(script.Locator(".col-region")).ToHaveTextAsync(Script);
        await Assertions.Expect(page.Locator(".group-label-value").GetByText(ImgAlert, new() { Exact = true })).ToBeVisibleAsync();
        await AssertInertAsync(page, problems);
        await PageProblems.ScreenshotAsync(page, "markup-inbox.png");

        // The alert page: tags, summary, chart and contributors of the same series.
        await img.Locator(".col-rule a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/alerts/[0-9]+$"));
        var tags = page.Locator(".detail-head .tag-list");
        await Assertions.Expect(tags.Locator(".tag[data-label='region'] .tag-value")).ToHaveTextAsync(ImgAlert);
        await Assertions.Expect(tags.Locator(".tag[data-label='cell'] .tag-value")).ToHaveTextAsync(ImgFlag);
        await Assertions.Expect(page.GetByText(ImgFlag, new() { Exact = true }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".alert-chart .apexcharts-canvas")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        // The outage is a single point: the axis still spans the ±2 h around it (times of day, not days). The axis is in
        // the display time zone, so when the window holds local midnight that one tick reads as the date (MM-dd).
        var ticks = (await page.Locator(".alert-chart .apexcharts-xaxis-label tspan").AllTextContentsAsync()).Where(t => t.Length > 0).ToList();
        Assert.NotEmpty(ticks);
        Assert.All(ticks, tick => Assert.Matches("^([0-2][0-9]:[0-5][0-9]|[01][0-9]-[0-3][0-9])$", tick));
        Assert.True(ticks.Count(t => t.Contains('-', StringComparison.Ordinal)) <= 1, string.Join(" ", ticks));
        await AssertInertAsync(page, problems);
        await PageProblems.ScreenshotAsync(page, "markup-alert-detail.png");
    }

    [Fact]
    public async Task Wall_DistrictsWithMarkup_HeatGridTickerAndFocusShowText()
    {
        var (page, problems) = await OpenAsync(ApiRoles.Viewer, 1920, 1080);
        await page.GotoAsync(new Uri(Address, "?district=" + Uri.EscapeDataString(ImgAlert)).ToString());

        await Assertions.Expect(page.Locator(".heat-region").GetByText(ImgAlert, new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".heat-region").GetByText(Script, new() { Exact = true })).ToBeVisibleAsync();
        // Long names are cut short (whole in the title), not drawn over the scores next to them.
        await Assertions.Expect(page.Locator($".heat-region[title='{ImgAlert}']")).ToHaveCountAsync(1);
        Assert.Equal(0, await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('.heat-region')].filter(th => th.scrollWidth > th.clientWidth && getComputedStyle(th).overflowX !== 'hidden').length"));
        await Assertions.Expect(page.Locator(".ticker-where").GetByText(ImgAlert + " · network-outage", new() { Exact = true })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-chart=complaints] .apexcharts-legend-text").GetByText(ImgAlert, new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".wall-focus .chart-title")).ToContainTextAsync(ImgAlert, new() { Timeout = 15_000 });

        // The surge's alert marks the complaints chart with the district's name.
        var annotations = page.Locator("[data-chart=complaints] .apexcharts-xaxis-annotation-label");
        await Assertions.Expect(annotations.Filter(new() { HasTextString = ImgAlert }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertInertAsync(page, problems);
        await PageProblems.ScreenshotAsync(page, "markup-wall.png");
    }

    private async Task<(IPage Page, List<string> Problems)> OpenAsync(string role, int width = 1600, int height = 1000)
    {
        var page = await Chromium.NewSignedInPageAsync(Address, role, new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        return (page, PageProblems.Watch(page));
    }

    // Nothing became markup: no dialog or script error, no image element, no script element from the data, no flag.
    private static async Task AssertInertAsync(IPage page, List<string> problems)
    {
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=\"x\"], img').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.scripts].filter(s => s.textContent.includes('__pwned')).length"));
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Empty(problems);
    }

    // Complaints for four hours up to now (and explore's two hours a week before) in three districts, two of them named
    // with markup, and one channel named with markup, with a surge in the last 20 minutes (after explore's period); then
    // an outage in each odd district, now.
    private async Task WriteAsync()
    {
        var lines = new List<string>();
        var regions = new[] { "tianhe", ImgAlert, Script };
        var channels = new[] { "hotline", ImgFlag };
        void Complaints(DateTimeOffset time, Func<string, string, double> count)
        {
            foreach (var region in regions)
            {
                foreach (var channel in channels)
                {
                    lines.Add(HttpIngest.Line(MetricNames.Complaints,
                        [(MetricNames.RegionTag, region), (MetricNames.ChannelTag, channel), (MetricNames.CategoryTag, "broadband")],
                        MetricNames.CountField, count(region, channel), time));
                }
            }
        }

        var weekAgo = PeriodEnd.AddHours(-3).AddDays(-7);
        for (var minute = 0; minute < 120; minute++)
        {
            Complaints(weekAgo.AddMinutes(minute), (_, _) => 1);
        }

        var start = new DateTimeOffset(_now.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddHours(-4);
        for (var time = start; time <= _now; time = time.AddMinutes(1))
        {
            var surge = time > _now.AddMinutes(-20);
            Complaints(time, (region, channel) => (region, channel) switch
            {
                (ImgAlert, "hotline") when surge => 60,
                (ImgAlert, "hotline") => 9,
                (Script, ImgFlag) => 4,
                _ => 2,
            });
        }

        await HttpIngest.WriteAsync(Address, lines);
        await HttpIngest.WriteAsync(Address,
        [
            HttpIngest.Line(MetricNames.Network, [(MetricNames.RegionTag, ImgAlert), (MetricNames.CellTag, ImgFlag)], MetricNames.OutagesField, 1, _now),
            HttpIngest.Line(MetricNames.Network, [(MetricNames.RegionTag, Script), (MetricNames.CellTag, "gz-0007")], MetricNames.OutagesField, 1, _now),
        ]);

        var store = Factory.Services.GetRequiredService<IMetricStore>();
        var query = new MetricQuery
        {
            Measurement = MetricNames.Complaints, Field = MetricNames.CountField, From = weekAgo, To = _now.AddMinutes(1), Bucket = TimeSpan.FromDays(1), Aggregate = Aggregate.Count,
        };
        await Eventually.Get(
            async () => (await store.QueryAsync(query, CancellationToken.None)).Series.Sum(s => s.Points.Sum(p => p.Value)) >= lines.Count ? "stored" : null,
            TimeSpan.FromSeconds(20),
            "the written complaints to be queryable");
    }
}
