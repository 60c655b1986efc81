using AngleSharp.Dom;
using Bunit;
using Cockpit.Alerting.Lifecycle;
using Microsoft.AspNetCore.Components;
using AlertsPage = Cockpit.Web.Components.Pages.Alerts;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Tests.Web.Alerts;

public sealed class AlertsPageTests : BunitContext
{
    private readonly AlertPagesScenario _s = new();
    private readonly CountingAlertBook _book;

    private readonly LogCapture _log = new();

    public AlertsPageTests()
    {
        _book = new CountingAlertBook(_s.H.Book);
        Services.AddSingleton<IAlertBook>(_book);
        Services.AddSingleton<ILoggerFactory>(new LoggerFactory([_log]));
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _s.Dispose();
    }

    // Query parameters come from the address, escaped as the notification links escape them.
    private IRenderedComponent<AlertsPage> RenderList(string? filter = null, string? state = null)
    {
        var query = new List<string>();
        if (filter is not null)
        {
            query.Add("filter=" + Uri.EscapeDataString(filter));
        }

        if (state is not null)
        {
            query.Add("state=" + Uri.EscapeDataString(state));
        }

        Services.GetRequiredService<NavigationManager>().NavigateTo("alerts" + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
        return Render<AlertsPage>();
    }

    private static long[] Ids(IRenderedComponent<AlertsPage> page) =>
        [.. page.FindAll("tr.alert-table-row").Select(r => long.Parse(r.GetAttribute("data-alert-id")!, System.Globalization.CultureInfo.InvariantCulture))];

    private static IElement Row(IRenderedComponent<AlertsPage> page, long id) => page.Find($"tr[data-alert-id='{id}']");

    private static string Cell(IElement row, string column) => row.QuerySelector("." + column)!.TextContent.Trim();

    [Fact]
    public void Render_NoQuery_OpenNewestStartFirstThenResolved()
    {
        _s.Build();

        var page = RenderList();

        Assert.Equal([_s.HaizhuLatency, _s.LiwanSurge, _s.TianheOutage, _s.TianheSurge, _s.YuexiuSurge], Ids(page));
        Assert.Equal("5 alerts", page.Find(".alerts-count").TextContent);
        Assert.Equal(["row-open", "row-open", "row-open", "row-open", "row-resolved"], page.FindAll("tr.alert-table-row").Select(r => r.ClassList.Contains("row-open") ? "row-open" : "row-resolved"));
        Assert.Equal($"alerts/{_s.LiwanSurge}", Row(page, _s.LiwanSurge).QuerySelector(".col-rule a")!.GetAttribute("href"));
    }

    [Fact]
    public void Render_Row_EveryColumn()
    {
        _s.Build();

        var liwan = Row(RenderList(), _s.LiwanSurge);

        Assert.Equal("warning", liwan.QuerySelector(".badge-severity")!.TextContent);
        Assert.Equal("acknowledged", liwan.QuerySelector(".badge-state")!.TextContent);
        Assert.Equal("complaint-surge", Cell(liwan, "col-rule"));
        Assert.Equal("region=liwan", Cell(liwan, "col-labels"));
        Assert.Equal("complaint-surge in liwan at score 0.90", Cell(liwan, "col-summary"));
        Assert.Equal("2026-11-23 00:10", Cell(liwan, "col-started"));
        Assert.Equal("2026-11-23T00:10:00Z", liwan.QuerySelector(".col-started time")!.GetAttribute("datetime"));
        Assert.Equal("li.wei", Cell(liwan, "col-acked"));
        Assert.Equal("1", Cell(liwan, "col-fires"));
    }

    [Fact]
    public void Render_Marks_SilencedInhibitedFlappingOnTheirRowsOnly()
    {
        _s.Build();
        var flapping = _s.Flap("network-latency", "panyu");

        var page = RenderList();

        string[] Marks(long id) => [.. Row(page, id).QuerySelectorAll(".alert-mark").Select(m => m.TextContent)];
        Assert.Equal(["silenced"], Marks(_s.LiwanSurge));
        Assert.Equal(["inhibited"], Marks(_s.TianheSurge));
        Assert.Equal(["flapping"], Marks(flapping));
        Assert.Empty(Marks(_s.TianheOutage));
        Assert.Empty(Marks(_s.HaizhuLatency));
        Assert.Equal($"Silenced by {_s.LiwanSilence}", Row(page, _s.LiwanSurge).QuerySelector(".mark-silenced")!.GetAttribute("title"));
        Assert.Equal($"Inhibited by alert {_s.TianheOutage}", Row(page, _s.TianheSurge).QuerySelector(".mark-inhibited")!.GetAttribute("title"));
        Assert.Equal("3", Cell(Row(page, flapping), "col-fires"));
    }

    [Theory]
    [InlineData("{region=\"tianhe\"}", "outage,surge")]
    [InlineData("{region=\"tianhe\",rule=\"complaint-surge\"}", "surge")]
    [InlineData("{rule=~\"complaint-surge|network-latency\",region!=\"liwan\"}", "latency,surge,yuexiu")]
    [InlineData("{severity=\"critical\"}", "outage")]
    [InlineData("{region=\"nowhere\"}", "")]
    public void Render_Filter_OnlyMatchingAlertsInTheSameOrder(string filter, string expected)
    {
        _s.Build();
        var names = new Dictionary<string, long>
        {
            ["outage"] = _s.TianheOutage, ["surge"] = _s.TianheSurge, ["latency"] = _s.HaizhuLatency, ["yuexiu"] = _s.YuexiuSurge,
        };

        var page = RenderList(filter: filter);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => names[n]), Ids(page));
        Assert.Equal(filter, page.Find(".filter-text").TextContent);
        if (expected.Length == 0)
        {
            Assert.Equal("No alerts match.", page.Find(".alert-table-empty").TextContent);
        }
    }

    [Theory]
    [InlineData("pending", "latency")]
    [InlineData("firing", "outage,surge")]
    [InlineData("Acknowledged", "liwan")]
    [InlineData("resolved", "yuexiu")]
    [InlineData("firing,acknowledged", "liwan,outage,surge")]
    public void Render_State_OnlyAlertsInThatState(string state, string expected)
    {
        _s.Build();
        var names = new Dictionary<string, long>
        {
            ["outage"] = _s.TianheOutage, ["surge"] = _s.TianheSurge, ["latency"] = _s.HaizhuLatency, ["yuexiu"] = _s.YuexiuSurge, ["liwan"] = _s.LiwanSurge,
        };

        var page = RenderList(state: state);

        Assert.Equal(expected.Split(',').Select(n => names[n]), Ids(page));
    }

    [Fact]
    public void Render_FilterAndState_Combined()
    {
        _s.Build();

        var page = RenderList(filter: "{region=\"tianhe\"}", state: "firing");

        Assert.Equal([_s.TianheOutage, _s.TianheSurge], Ids(page));
        Assert.Equal("firing", page.Find(".state-filter a.selected").TextContent);
    }

    [Theory]
    [InlineData("{region=\"tianhe\"", null, "The filter '{region=\"tianhe\"' opens '{' but does not close it.")]
    [InlineData("{rule=~\"(\"}", null, "bad regular expression")]
    [InlineData(null, "burning", "Unknown state 'burning'; use one of: pending, firing, acknowledged, resolved")]
    public void Render_MalformedQuery_PlainMessageAndNoRows(string? filter, string? state, string expected)
    {
        _s.Build();

        var page = RenderList(filter, state);

        Assert.Contains(expected, page.Find(".alerts-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("tr.alert-table-row"));
        Assert.Equal("alerts", page.Find(".alerts-error + p a").GetAttribute("href"));
    }

    [Fact]
    public void Render_MarkupInTagsSummaryAndFilter_ShownAsText()
    {
        const string Evil = AlertPagesScenario.Evil;
        _s.H.Fire(region: Evil);

        var page = RenderList(filter: "{region=\"" + Evil + "\"}");

        Assert.Empty(page.FindAll("img"));
        var row = page.Find("tr.alert-table-row");
        Assert.Equal(Evil, row.QuerySelector(".tag-value")!.TextContent);
        Assert.Equal($"complaint-surge in {Evil} at score 0.90", Cell(row, "col-summary"));
        Assert.Equal("{region=\"" + Evil + "\"}", page.Find(".filter-text").TextContent);
    }

    [Fact]
    public void Render_NoAlerts_AllQuiet()
    {
        var page = RenderList();

        Assert.Equal("No alerts. All quiet.", page.Find(".alert-table-empty").TextContent);
        Assert.Equal("0 alerts", page.Find(".alerts-count").TextContent);
    }

    [Fact]
    public async Task Live_BookChanges_RowsFollowAfterTheThrottle_AndDisposeUnsubscribes()
    {
        _s.Build();
        var page = RenderList(state: "firing");
        Assert.Equal(1, _book.OpenSubscriptions);

        _s.H.Fire(region: "panyu");
        _s.H.Book.Acknowledge(_s.TianheOutage, "wang.fang");
        Assert.Equal(2, Ids(page).Length); // nothing until the throttle interval passes
        _s.PassThrottle();

        var panyu = _s.H.Only(region: "panyu").Id;
        page.WaitForAssertion(() => Assert.Equal([panyu, _s.TianheSurge], Ids(page)));

        await DisposeComponentsAsync();
        Assert.Equal(0, _book.OpenSubscriptions);
    }

    [Fact]
    public void Render_RegexThatBacktracksForever_PlainMessageNot500()
    {
        _s.H.Fire(region: new string('a', 40) + "!");

        var page = RenderList(filter: "{region=~\"(a+)+\"}");

        Assert.Equal(
            "The filter {region=~\"(a+)+\"} took too long to match: one of its regular expressions backtracks too much. Simplify it.",
            page.Find(".alerts-error").TextContent);
        Assert.Empty(page.FindAll("tr.alert-table-row"));
        Assert.Contains("[3401]", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Live_RefreshFails_LoggedAndThePageKeepsItsRows()
    {
        _s.Build();
        var page = RenderList();
        _book.FailReads = true;

        _s.H.Fire(region: "panyu");
        _s.PassThrottle(); // would throw here, on the scheduler, if the page let it

        Assert.Equal(5, Ids(page).Length);
        Assert.Contains("Warning Cockpit.Web.Components.Pages.Alerts[3400]: Live refresh of the alert page /alerts failed", _log.ToString(), StringComparison.Ordinal);
        Assert.Contains("the database is gone", _log.ToString(), StringComparison.Ordinal);

        _book.FailReads = false;
        _s.H.Fire(region: "nansha");
        _s.PassThrottle();
        page.WaitForAssertion(() => Assert.Equal(7, Ids(page).Length));
    }
}
