using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Cockpit.Alerting.Model;
using Cockpit.Web.Components.Pages;
using Cockpit.Tests.Testing;
using Cockpit.Tests.Web.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Tests.Web.Alerts;

public sealed class AlertDetailPageTests : BunitContext
{
    private readonly AlertPagesScenario _s = new();
    private readonly CountingAlertBook _book;

    private readonly LogCapture _log = new();
    private readonly InboxServices _inbox;

    private BunitAuthorizationContext Auth { get; }

    public AlertDetailPageTests()
    {
        _book = new CountingAlertBook(_s.H.Book);
        _inbox = new InboxServices(_s.H, _book);
        _inbox.AddTo(this);
        Auth = AddAuthorization();
        Services.AddSingleton<ILoggerFactory>(new LoggerFactory([_log]));
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _inbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _s.Dispose();
    }

    private IRenderedComponent<AlertDetail> RenderDetail(long id) => Render<AlertDetail>(p => p.Add(d => d.Id, id));

    private static IElement Field(IRenderedComponent<AlertDetail> page, string name) => page.Find($"dd[data-field='{name}']");

    private static string Text(IRenderedComponent<AlertDetail> page, string name) =>
        string.Join(" ", Field(page, name).TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Render_AcknowledgedInhibitedAlert_EveryField()
    {
        _s.Build(); // now 00:30
        Assert.Equal(AlertCommandOutcome.Done, _s.H.Book.Acknowledge(_s.TianheSurge, "wang.fang").Outcome);

        var page = RenderDetail(_s.TianheSurge);

        Assert.Equal("complaint-surge #" + _s.TianheSurge, page.Find(".detail-head h1").TextContent);
        Assert.Equal("warning", Field(page, "state").QuerySelector(".badge-severity")!.TextContent);
        Assert.Equal("acknowledged", Field(page, "state").QuerySelector(".badge-state")!.TextContent);
        Assert.Equal("complaint-surge in tianhe at score 0.90", Text(page, "summary"));
        Assert.Equal("120 (expected 20)", Text(page, "value"));
        Assert.Equal("0.90", Text(page, "score"));
        Assert.Equal(
            ["alertname=complaint-surge", "measurement=complaints", "region=tianhe", "rule=complaint-surge", "severity=warning"],
            Field(page, "labels").QuerySelectorAll(".tag").Select(t => t.TextContent));
        var cause = Field(page, "inhibited").QuerySelector("a")!;
        Assert.Equal($"alerts/{_s.TianheOutage}", cause.GetAttribute("href"));
        Assert.Equal(_s.H.Book.Find(_s.TianheSurge)!.LikelyCause, cause.TextContent);
        Assert.Contains("network-outage", cause.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-11-23 00:00 data time", Text(page, "starts"));
        Assert.Equal("—", Text(page, "ends"));
        Assert.Equal("2026-11-23 00:00:00", Text(page, "fired"));
        Assert.Equal("wang.fang 2026-11-23 00:30:00", Text(page, "acknowledged"));
        Assert.Equal("—", Text(page, "resolved"));
        Assert.Equal("1", Text(page, "fires"));
        Assert.Equal("complaint-surge{region=tianhe}", Text(page, "fingerprint"));
        Assert.Empty(page.FindAll("dd[data-field='silenced'], dd[data-field='flapping']"));
        Assert.Equal("alerts?filter=%7Brule%3D%22complaint-surge%22%7D", page.Find(".detail-same-rule").GetAttribute("href"));
    }

    [Fact]
    public void Render_History_EveryEntryOldestFirstWithTimeActorActionDetail()
    {
        _s.Build();
        _s.H.Book.Acknowledge(_s.TianheSurge, "wang.fang");

        var page = RenderDetail(_s.TianheSurge);

        var rows = page.FindAll("tr.history-entry").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToArray();
        var expected = _s.H.Book.History(_s.TianheSurge);
        Assert.Equal(expected.Count, rows.Length);
        Assert.Equal(expected.Select(e => new[] { e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.Action, e.Detail }), rows);
        Assert.Equal(["fired", "inhibited", "acknowledged"], rows.Select(r => r[2]));
        Assert.Equal(["2026-11-23 00:00:00", "2026-11-23 00:05:00", "2026-11-23 00:30:00"], rows.Select(r => r[0]));
        Assert.Equal("wang.fang", rows[2][1]);
    }

    [Fact]
    public void Render_Notes_OldestFirstWithAuthorAndTime()
    {
        _s.Build();
        _s.H.Book.AddNote(_s.LiwanSurge, "li.wei", "Checked the cell towers.\nAll fine.");
        _s.H.Scheduler.Advance(TimeSpan.FromMinutes(3));
        _s.H.Book.AddNote(_s.LiwanSurge, "chen.jing", "Callers mention billing.");

        var page = RenderDetail(_s.LiwanSurge);

        var notes = page.FindAll("li.note");
        Assert.Equal(2, notes.Count);
        Assert.Equal(["li.wei", "chen.jing"], notes.Select(n => n.QuerySelector(".note-author")!.TextContent));
        Assert.Equal(["2026-11-23 00:30:00", "2026-11-23 00:33:00"], notes.Select(n => n.QuerySelector("time")!.TextContent));
        Assert.Equal(["Checked the cell towers.\nAll fine.", "Callers mention billing."], notes.Select(n => n.QuerySelector(".note-text")!.TextContent));
    }

    [Fact]
    public void Render_NoNotes_SaysSo()
    {
        _s.Build();

        Assert.Equal("No notes.", RenderDetail(_s.TianheOutage).Find(".notes-empty").TextContent);
    }

    [Fact]
    public void Render_SilencedAndFlapping_MarksAndSilenceIds()
    {
        _s.Build();
        var flapping = _s.Flap("network-latency", "panyu");
        var second = _s.Silence("region=~liwan|panyu", "chen.jing");

        var liwan = RenderDetail(_s.LiwanSurge);
        var flapper = RenderDetail(flapping);

        var shown = Field(liwan, "silenced").QuerySelectorAll(".silence-id").Select(s => s.TextContent).ToArray();
        Assert.Equal(_s.H.Book.Find(_s.LiwanSurge)!.SilencedBy, shown);
        Assert.Equal(new[] { _s.LiwanSilence, second }.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.Equal(["silenced"], liwan.FindAll(".alert-mark").Select(m => m.TextContent));
        Assert.Equal(["flapping", "silenced"], flapper.FindAll(".alert-mark").Select(m => m.TextContent));
        Assert.StartsWith("Fires and recovers too often", Text(flapper, "flapping"), StringComparison.Ordinal);
        Assert.Equal("3", Text(flapper, "fires"));
    }

    [Fact]
    public void Render_ResolvedByHand_WhoAndWhen()
    {
        _s.Build();
        _s.H.Book.Resolve(_s.TianheOutage, "chen.jing");

        var page = RenderDetail(_s.TianheOutage);

        Assert.Equal("resolved", Field(page, "state").QuerySelector(".badge-state")!.TextContent);
        Assert.Equal("chen.jing", Text(page, "resolved"));
        Assert.Equal("2026-11-23 00:30", Text(page, "ends"));
    }

    [Fact]
    public void Render_RecoveredByItself_SaysSo()
    {
        _s.Build();

        var page = RenderDetail(_s.YuexiuSurge);

        Assert.Equal("recovered by itself", Text(page, "resolved"));
        Assert.Equal("2026-11-23 00:30", Text(page, "ends"));
    }

    [Fact]
    public void Render_UnknownId_PlainMessageWithLinkToTheList()
    {
        _s.Build();

        var page = RenderDetail(987654);

        Assert.StartsWith("No alert 987654.", page.Find(".detail-missing").TextContent, StringComparison.Ordinal);
        Assert.Equal("alerts", page.Find(".detail-missing a").GetAttribute("href"));
        Assert.Empty(page.FindAll("dl.facts"));
    }

    [Fact]
    public void Render_MarkupInTagsSummaryNotesAndActors_ShownAsText()
    {
        const string Evil = AlertPagesScenario.Evil;
        _s.H.Fire(region: Evil);
        var id = _s.H.Only(region: Evil).Id;
        _s.H.Book.Acknowledge(id, Evil);
        _s.H.Book.AddNote(id, Evil, Evil);

        var page = RenderDetail(id);

        Assert.Empty(page.FindAll("img"));
        Assert.Equal(Evil, page.Find(".note-text").TextContent);
        Assert.Equal(Evil, page.Find(".note-author").TextContent);
        Assert.Equal(Evil, Field(page, "acknowledged").QuerySelector(".fact-who")!.TextContent);
        Assert.Equal($"complaint-surge in {Evil} at score 0.90", Field(page, "summary").TextContent);
        Assert.Contains(page.FindAll(".tag-value"), t => t.TextContent == Evil);
        Assert.Contains(page.FindAll(".history-actor"), t => t.TextContent == Evil);
    }

    [Fact]
    public async Task Live_AlertChanges_PageFollowsAfterTheThrottle_AndDisposeUnsubscribes()
    {
        _s.Build();
        var page = RenderDetail(_s.TianheSurge);
        Assert.Equal(1, _book.OpenSubscriptions);

        _s.H.Book.Acknowledge(_s.TianheSurge, "wang.fang");
        Assert.Equal("firing", Field(page, "state").QuerySelector(".badge-state")!.TextContent);
        _s.PassThrottle();

        page.WaitForAssertion(() => Assert.Equal("acknowledged", Field(page, "state").QuerySelector(".badge-state")!.TextContent));
        Assert.Equal("acknowledged", page.FindAll("tr.history-entry")[^1].QuerySelector(".history-action")!.TextContent);

        await DisposeComponentsAsync();
        Assert.Equal(0, _book.OpenSubscriptions);
    }

    [Fact]
    public void Live_RefreshFails_LoggedAndThePageKeepsWhatItShowed()
    {
        _s.Build();
        var page = RenderDetail(_s.TianheSurge);
        _book.FailReads = true;

        _s.H.Book.Acknowledge(_s.TianheSurge, "wang.fang");
        _s.PassThrottle();

        Assert.Equal("firing", Field(page, "state").QuerySelector(".badge-state")!.TextContent);
        Assert.Contains($"Warning Cockpit.Web.Components.Pages.AlertDetail[3400]: Live refresh of the alert page /alerts/{_s.TianheSurge} failed", _log.ToString(), StringComparison.Ordinal);
    }
}
