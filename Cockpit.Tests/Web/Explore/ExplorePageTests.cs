using System.Globalization;
using Bunit;
using Cockpit.Ingest.Storage;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls;
using Cockpit.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ExplorePage = Cockpit.Web.Components.Pages.Explore;

namespace Cockpit.Tests.Web.Explore;

/// <summary>The explore page on a real embedded store (<see cref="ExploreStoreScenario"/>), resources in en and zh-CN.</summary>
public sealed class ExplorePageTests : BunitContext, IAsyncLifetime
{
    private readonly ExploreStoreScenario _s = new();
    private DisplayTimeZone _zone = DisplayZones.Shanghai;

    public ExplorePageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<IMetricStore>(_s.Store);
        Services.AddSingleton<TimeProvider>(_s.Time);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(_ => _zone);
        Services.AddLogging();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public Task InitializeAsync() => _s.FillAsync();

    Task IAsyncLifetime.DisposeAsync() => _s.DisposeAsync().AsTask();

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<ExplorePage> Open(string query)
    {
        Navigation.NavigateTo("explore?" + query);
        var page = Render<ExplorePage>();
        page.WaitForState(() => page.FindAll(".contribution-row, .explore-problems, .explore-empty").Count > 0, TimeSpan.FromSeconds(10));
        return page;
    }

    private static IReadOnlyList<ChartSeries> Chart(IRenderedComponent<ExplorePage> page) =>
        page.FindComponent<ApexChart>().Instance.Series;

    private static string[] Column(IRenderedComponent<ExplorePage> page, string cell) =>
        [.. page.FindAll($".contribution-row .{cell}").Select(c => c.TextContent.Trim())];

    [Fact]
    public void Open_SharedAddress_ChartAndContributionTable()
    {
        var page = Open(ExploreStoreScenario.Query("&dim=region&dim=category&dim=channel"));

        Assert.Equal("tianhe · broadband · hotline: 91 % of the surge", page.Find(".contribution-headline").TextContent);
        Assert.Equal(["tianhe · broadband · hotline", "liwan · broadband · hotline", "tianhe · mobile · app", "haizhu · billing · " + ExploreStoreScenario.Evil], Column(page, "contribution-label"));
        Assert.Equal(["+2,400", "+240", "+120", "−120"], Column(page, "contribution-delta"));
        Assert.Equal(["+91 %", "+9 %", "+5 %", "−5 %"], Column(page, "contribution-share"));
        Assert.Equal("district · category · channel", page.Find(".contribution-table th:nth-child(2)").TextContent);
        Assert.Equal("Total 3,120 → 5,760 (+2,640, +84.6 %)", page.Find(".contribution-total").TextContent);

        // A solid line per region and a dashed one a week earlier, in the same colour.
        var series = Chart(page);
        Assert.Equal(["haizhu", "liwan", "tianhe", "haizhu (week before)", "liwan (week before)", "tianhe (week before)"], series.Select(s => s.Name));
        Assert.Equal([false, false, false, true, true, true], series.Select(s => s.Dashed));
        Assert.Equal([0, 1, 2, 0, 1, 2], series.Select(s => s.ColorIndex!.Value));
        Assert.Equal(120, series[2].Points.Count);
        Assert.Equal((ExploreStoreScenario.From.ToUnixTimeMilliseconds(), 36.0), (series[2].Points[0].X, series[2].Points[0].Y));
        Assert.Equal((ExploreStoreScenario.From.ToUnixTimeMilliseconds(), 15.0), (series[5].Points[0].X, series[5].Points[0].Y));
        Assert.Equal("3 lines, 720 points", page.Find(".summary-lines").TextContent);
    }

    [Fact]
    public void Open_PartialAddress_WritesEveryDefaultIntoTheAddress()
    {
        Open(ExploreStoreScenario.Query());

        Assert.Equal(
            "http://localhost/explore?" + ExploreStoreScenario.Query().Replace("&cmp=week", "", StringComparison.Ordinal).Replace("field=count", "field=count&agg=sum", StringComparison.Ordinal) +
            "&bucket=1m&by=region&cmp=week&dim=region",
            Navigation.Uri);
    }

    [Fact]
    public void Open_CsvLink_CarriesTheSameQuery()
    {
        var page = Open(ExploreStoreScenario.Query());

        var href = page.Find("[data-testid=explore-csv]").GetAttribute("href")!;
        Assert.Equal("explore.csv?" + new Uri(Navigation.Uri).Query.TrimStart('?'), href);
    }

    [Fact]
    public void Open_TagValues_RenderedAsText()
    {
        var page = Open(ExploreStoreScenario.Query("&dim=channel"));

        Assert.Empty(page.FindAll("img"));
        Assert.Contains(ExploreStoreScenario.Evil, page.FindAll(".tag-picker[data-tag=channel] .tag-value span").Select(s => s.TextContent));
        Assert.Contains(ExploreStoreScenario.Evil, Column(page, "contribution-label"));
    }

    [Theory]
    [InlineData("bucket=7m", "Unknown bucket '7m': use one of 1m, 5m, 15m, 1h, 1d.")]
    [InlineData("range=7d&bucket=1m", "A bucket of 1m gives 10080 points per line over this range; at most 2000 are drawn. Use 15m, 1h, 1d.")]
    [InlineData("m=nope", "Unknown measurement 'nope': the store has complaints.")]
    [InlineData("m=complaints&field=<b>x</b>", "Unknown field '<b>x</b>' of complaints: it has count, handle_time_s.")]
    [InlineData("by=colour", "Unknown tag 'colour' of complaints: it has category, channel, region.")]
    [InlineData("from=yesterday&to=today", "'yesterday' is not a time (from); use ISO 8601, e.g. 2026-11-24T08:00:00Z.")]
    public void Open_BadAddress_PlainMessageNoChart(string query, string message)
    {
        var page = Open(query);

        Assert.Contains(message, page.FindAll(".explore-problems li").Select(li => li.TextContent));
        Assert.Empty(page.FindComponents<ApexChart>());
        Assert.Empty(page.FindAll(".explore-problems b"));
        Assert.Empty(page.FindAll("[data-testid=explore-csv]"));
    }

    [Fact]
    public void ChangeCompare_NavigatesAndRedraws()
    {
        var page = Open(ExploreStoreScenario.Query());

        page.Find("[data-testid=compare]").Change("day");

        Assert.Contains("&cmp=day&", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("haizhu (day before)", Chart(page)[3].Name));

        // Nothing was written the day before: the dashed lines are empty and the whole total is the change.
        Assert.All(Chart(page).Skip(3), s => Assert.Empty(s.Points));
        Assert.Equal("Total 0 → 5,760 (+5,760)", page.Find(".contribution-total").TextContent);
    }

    [Fact]
    public void ChoosePreset_DropsTheCustomRangeAndAnUnfitBucket()
    {
        var page = Open(ExploreStoreScenario.Query());

        page.Find("button[data-preset='7d']").Click();

        var query = new Uri(Navigation.Uri).Query;
        Assert.Contains("range=7d&bucket=15m", query, StringComparison.Ordinal);
        Assert.DoesNotContain("from=", query, StringComparison.Ordinal);
    }

    [Fact]
    public void ChooseShownPreset_AsksAgainAsOfNow()
    {
        var page = Open("range=1h&by=none");
        var before = page.Find(".summary-range").TextContent;
        var address = Navigation.Uri;

        // Now is 02:01, so the hour is 01:02–02:02 and holds the minutes up to 01:59; five minutes later, five fewer.
        Assert.Equal(58, Chart(page)[0].Points.Count);
        _s.Time.Advance(TimeSpan.FromMinutes(5));
        page.Find("button[data-preset='1h']").Click();

        page.WaitForAssertion(() => Assert.NotEqual(before, page.Find(".summary-range").TextContent));
        Assert.Equal(address, Navigation.Uri);
        Assert.Equal(53, Chart(page)[0].Points.Count);
    }

    [Fact]
    public void PickRegion_FiltersTheLines()
    {
        var page = Open(ExploreStoreScenario.Query());

        page.Find(".tag-picker[data-tag=region] input[value=liwan]").Change(true);

        Assert.Contains("&region=liwan&", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal(["liwan", "liwan (week before)"], Chart(page).Select(s => s.Name)));
        Assert.Equal("liwan: 100 % of the surge", page.Find(".contribution-headline").TextContent);
    }

    [Fact]
    public void ToggleDimension_AddsItToTheTable()
    {
        var page = Open(ExploreStoreScenario.Query());

        page.Find("input[data-dim=category]").Change(true);

        Assert.EndsWith("&dim=region&dim=category", Navigation.Uri, StringComparison.Ordinal);
        page.WaitForAssertion(() => Assert.Equal("tianhe · broadband", Column(page, "contribution-label")[0]));
    }

    [Fact]
    public void Open_ChineseCulture_ChineseText()
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            var page = Open(ExploreStoreScenario.Query());

            Assert.Equal("tianhe：占增幅的 95%", page.Find(".contribution-headline").TextContent);
            Assert.Equal("数据探索", page.Find("h1").TextContent);
            Assert.Equal("tianhe（上一周）", Chart(page)[5].Name);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
    // Berlin: CEST (UTC+2) ends 2026-10-25 01:00 UTC, CET (UTC+1) ends 2026-03-29 01:00 UTC.
    [Fact]
    public void CustomRange_ZoneWithDaylightSaving_ShownInLocalTimeEitherSideOfTheChange()
    {
        _zone = DisplayZones.Berlin;
        using var culture = new Controls.CultureScope("en");
        Navigation.NavigateTo("explore?m=complaints&field=count&from=2026-10-24T22%3A00%3A00Z&to=2026-10-25T04%3A00%3A00Z");

        var page = Render<ExplorePage>();

        page.WaitForAssertion(() => Assert.Contains("Europe/Berlin, UTC+2 → UTC+1", page.Find(".summary-range").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("10/25/2026 12:00\u202FAM – 10/25/2026 5:00\u202FAM (Europe/Berlin, UTC+2 → UTC+1)", page.Find(".summary-range").TextContent);
        Assert.Equal("2026-10-25T00:00", page.Find("input[data-testid='from']").GetAttribute("value"));
        Assert.Equal("2026-10-25T05:00", page.Find("input[data-testid='to']").GetAttribute("value"));
        Assert.Equal("Europe/Berlin", page.Find("[data-testid='zone']").TextContent);
    }

    [Fact]
    public void ApplyCustom_ZoneWithDaylightSaving_LocalTimesBecomeTheirInstants_ASkippedTimeIsRefused()
    {
        _zone = DisplayZones.Berlin;
        using var culture = new Controls.CultureScope("en");
        var page = Open(ExploreStoreScenario.Query());
        Assert.Equal("2026-11-30T01:00", page.Find("input[data-testid='from']").GetAttribute("value"));

        page.Find("input[data-testid='from']").Change("2026-03-29T01:30");
        page.Find("input[data-testid='to']").Change("2026-03-29T03:30");
        page.Find("form.custom-range").Submit();

        var query = new Uri(Navigation.Uri).Query;
        Assert.Contains("from=2026-03-29T00%3A30%3A00Z&to=2026-03-29T01%3A30%3A00Z", query, StringComparison.Ordinal);

        // 02:30 does not exist that night in Berlin: the clock goes from 02:00 to 03:00.
        page.WaitForAssertion(() => Assert.Equal("2026-03-29T01:30", page.Find("input[data-testid='from']").GetAttribute("value")));
        page.Find("input[data-testid='to']").Change("2026-03-29T02:30");
        page.Find("form.custom-range").Submit();

        Assert.NotNull(page.Find(".explore-failure"));
        Assert.Equal(query, new Uri(Navigation.Uri).Query);
    }

    [Fact]
    public void Open_DefaultZone_RangeInUtcPlus8()
    {
        using var culture = new Controls.CultureScope("en");
        var page = Open(ExploreStoreScenario.Query());

        Assert.Equal("11/30/2026 8:00\u202FAM – 11/30/2026 10:00\u202FAM (UTC+8)", page.Find(".summary-range").TextContent);
        Assert.Equal("2026-11-30T08:00", page.Find("input[data-testid='from']").GetAttribute("value"));
        Assert.Equal("UTC+8", page.Find("[data-testid='zone']").TextContent);
    }
}
