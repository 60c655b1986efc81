using AngleSharp.Dom;
using Bunit;
using Cockpit.Alerting.Model;
using Cockpit.Web.Components.Pages;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Alerts;

public sealed class AlertDetailPageTests : AlertPageTestContext
{
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
        Assert.Equal("2026-11-23 08:00 data time", Text(page, "starts"));
        Assert.Equal("—", Text(page, "ends"));
        Assert.Equal("2026-11-23 08:00:00", Text(page, "fired"));
        Assert.Equal("wang.fang 2026-11-23 08:30:00", Text(page, "acknowledged"));
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
        Assert.Equal(expected.Select(e => new[] { DisplayZones.Shanghai.Format(e.At, seconds: true), e.Actor, e.Action, e.Detail }), rows);
        Assert.Equal(["fired", "inhibited", "acknowledged"], rows.Select(r => r[2]));
        Assert.Equal(["2026-11-23 08:00:00", "2026-11-23 08:05:00", "2026-11-23 08:30:00"], rows.Select(r => r[0]));
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
        Assert.Equal(["2026-11-23 08:30:00", "2026-11-23 08:33:00"], notes.Select(n => n.QuerySelector("time")!.TextContent));
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
        Assert.Equal("2026-11-23 08:30", Text(page, "ends"));
    }

    [Fact]
    public void Render_RecoveredByItself_SaysSo()
    {
        _s.Build();

        var page = RenderDetail(_s.YuexiuSurge);

        Assert.Equal("recovered by itself", Text(page, "resolved"));
        Assert.Equal("2026-11-23 08:30", Text(page, "ends"));
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

    // Pushes call back on scheduler threads in whatever culture those have; the page renders in the viewer's anyway.
    // de-DE writes 0,90 for 0.90 and has no resources of its own (English text): both would show.
    [Theory]
    [InlineData("zh-CN", "en-US", "已确认", "评分", "0.90", "120（预期 20）")]
    [InlineData("zh-CN", "de-DE", "已确认", "评分", "0.90", "120（预期 20）")]
    [InlineData("en", "zh-CN", "acknowledged", "Score", "0.90", "120 (expected 20)")]
    public async Task Live_PushFromAThreadInAnotherCulture_RendersInTheViewersCulture(string viewer, string server, string state, string scoreTerm, string score, string value)
    {
        _s.Build();
        IRenderedComponent<AlertDetail> page;
        using (new Controls.CultureScope(viewer))
        {
            page = RenderDetail(_s.TianheSurge);
        }

        await Task.Run(() =>
        {
            using var other = new Controls.CultureScope(server);
            _s.H.Book.Acknowledge(_s.TianheSurge, "wang.fang");
            _s.PassThrottle();
        });

        Assert.Equal(state, Field(page, "state").QuerySelector(".badge-state")!.TextContent);
        Assert.Contains(scoreTerm, page.FindAll("dl.facts dt").Select(d => d.TextContent));
        Assert.Equal(score, Text(page, "score"));
        Assert.Equal(value, Text(page, "value"));
    }

    [Theory]
    [InlineData("zh-CN", "en-US", "实际值", "预期值", "区间下限", "区间上限", "开始前后 ±2 小时")]
    [InlineData("en", "zh-CN", "value", "expected", "band low", "band high", "±2 h around the start")]
    public async Task Chart_BandPushedFromAThreadInAnotherCulture_NamedInTheViewersCulture(string viewer, string server, string line, string expected, string low, string high, string caption)
    {
        _s.Build();
        await _inbox.WriteTianheSurgeAsync();
        IRenderedComponent<AlertDetail> page;
        using (new Controls.CultureScope(viewer))
        {
            page = RenderDetail(_s.TianheSurge);
            page.WaitForAssertion(() => Assert.Equal("no", page.Find(".alert-chart").GetAttribute("data-band")));
        }

        var at = Cockpit.Ingest.Model.UnixTime.ToNanos(Points.Monday.AddMinutes(31));
        await Task.Run(() =>
        {
            using var other = new Controls.CultureScope(server);
            _inbox.Scores.OnNext(new Cockpit.Detection.Pipeline.ScoredValue("complaint-surge", "complaint-surge|complaints|tianhe", at, 14, 0.9, 4, 2, 6) { Measurement = "complaints", Labels = [new("region", "tianhe")] });
        });

        page.WaitForAssertion(() => Assert.Equal("yes", page.Find(".alert-chart").GetAttribute("data-band")));
        Assert.Equal([line, expected, low, high], page.FindComponent<Cockpit.Web.Components.Controls.ApexChart>().Instance.Series.Select(s => s.Name));
        Assert.Contains(caption, page.Find(".chart-caption").TextContent, StringComparison.Ordinal);
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

    private void SignIn(string name, params string[] roles)
    {
        Auth.SetAuthorized(name);
        Auth.SetRoles(roles);
    }

    [Fact]
    public void Actions_Viewer_NoneShown()
    {
        _s.Build();
        SignIn("zhao.min", "viewer");

        Assert.Empty(RenderDetail(_s.TianheOutage).FindAll(".action-bar button"));
    }

    [Fact]
    public void Actions_OnCallAcksFromTheDetail_FeedbackHistoryAndFacts()
    {
        _s.Build();
        SignIn("li.wei", "oncall");
        var page = RenderDetail(_s.TianheOutage);

        page.Find("button[data-action='acknowledge']").Click();

        Assert.Equal($"Acknowledged network-outage #{_s.TianheOutage}.", page.Find(".inbox-feedback").TextContent);
        Assert.Equal("acknowledged", Field(page, "state").QuerySelector(".badge-state")!.TextContent);
        Assert.Equal("li.wei", Field(page, "acknowledged").QuerySelector(".fact-who")!.TextContent);
        Assert.Equal("acknowledged", page.FindAll("tr.history-entry")[^1].QuerySelector(".history-action")!.TextContent);
        Assert.Empty(page.FindAll("button[data-action='acknowledge']"));
    }

    [Fact]
    public void Actions_SilenceAndNoteFromTheDetail()
    {
        _s.Build();
        SignIn("li.wei", "oncall");
        var page = RenderDetail(_s.TianheSurge);

        page.Find("button[data-action='silence']").Click();
        page.Find("input[data-duration='30m']").Change("30m");
        page.Find(".silence-comment").Change("known outage");
        page.Find(".silence-form").Submit();

        var silence = _s.H.Silences.List()[0];
        Assert.Equal(_s.H.Now + TimeSpan.FromMinutes(30), silence.EndsAt);
        Assert.Equal(["rule=\"complaint-surge\"", "region=\"tianhe\""], silence.Matchers.Select(m => m.ToString()));
        Assert.StartsWith($"Silenced complaint-surge #{_s.TianheSurge} until 2026-11-23 09:00 UTC+8 ", page.Find(".inbox-feedback").TextContent, StringComparison.Ordinal);
        Assert.Contains(silence.Id, Field(page, "silenced").TextContent, StringComparison.Ordinal);

        page.Find("button[data-action='note']").Click();
        page.Find(".note-input").Change(AlertPagesScenario.Evil);
        page.Find(".note-form").Submit();

        Assert.Equal(AlertPagesScenario.Evil, page.Find(".note-text").TextContent);
        Assert.Equal("li.wei", page.Find(".note-author").TextContent);
        Assert.Empty(page.FindAll("img"));
    }

    [Fact]
    public void CraftedNotePanel_Viewer_RefusedOnTheServer()
    {
        _s.Build();
        SignIn("zhao.min", "viewer");
        var panel = Render<Cockpit.Web.Components.Controls.Alerts.AlertActionPanel>(p => p
            .Add(x => x.Alert, _s.H.Book.Find(_s.TianheOutage)!)
            .Add(x => x.Action, Cockpit.Web.Components.Controls.Alerts.InboxAction.Note));

        panel.Find(".note-input").Change("sneaky");
        panel.Find(".note-form").Submit();

        Assert.Equal("Not allowed: your role cannot add notes to alerts.", panel.Find(".panel-error").TextContent);
        Assert.Empty(_s.H.Book.Notes(_s.TianheOutage));
    }

    [Fact]
    public void CraftedSilencePanel_Analyst_RefusedOnTheServer()
    {
        _s.Build();
        SignIn("sun.li", "analyst");
        var before = _s.H.Silences.List().Count;
        var panel = Render<Cockpit.Web.Components.Controls.Alerts.AlertActionPanel>(p => p
            .Add(x => x.Alert, _s.H.Book.Find(_s.TianheOutage)!)
            .Add(x => x.Action, Cockpit.Web.Components.Controls.Alerts.InboxAction.Silence));

        panel.Find(".silence-comment").Change("sneaky");
        panel.Find(".silence-form").Submit();

        Assert.Equal("Not allowed: your role cannot silence alerts.", panel.Find(".panel-error").TextContent);
        Assert.Equal(before, _s.H.Silences.List().Count);
    }

    [Fact]
    public void Related_CauseAndEffectsLinked()
    {
        _s.Build();

        var surge = RenderDetail(_s.TianheSurge);
        var outage = RenderDetail(_s.TianheOutage);

        Assert.Equal($"alerts/{_s.TianheOutage}", surge.Find("dd[data-related='cause'] a").GetAttribute("href"));
        Assert.Equal($"alerts/{_s.TianheSurge}", outage.Find("dd[data-related='effects'] a").GetAttribute("href"));
        Assert.Equal("No related alerts.", RenderDetail(_s.YuexiuSurge).Find(".related-empty").TextContent);
    }

    [Fact]
    public async Task Chart_LineFromTheStore_BandOnceScoresArrive()
    {
        _s.Build();
        await _inbox.WriteTianheSurgeAsync();
        var page = RenderDetail(_s.TianheSurge);

        page.WaitForAssertion(() => Assert.Equal("no", page.Find(".alert-chart").GetAttribute("data-band")));
        var chart = page.FindComponent<Cockpit.Web.Components.Controls.ApexChart>();
        Assert.Equal(["value"], chart.Instance.Series.Select(s => s.Name));
        Assert.Equal(90, chart.Instance.Series[0].Points.Count);
        Assert.NotNull(page.Find("[data-note='no-band']"));

        var at = Cockpit.Ingest.Model.UnixTime.ToNanos(Points.Monday.AddMinutes(31));
        _inbox.Scores.OnNext(new Cockpit.Detection.Pipeline.ScoredValue("complaint-surge", "complaint-surge|complaints|tianhe", at, 14, 0.9, 4, 2, 6) { Measurement = "complaints", Labels = [new("region", "tianhe")] });
        _inbox.Scores.OnNext(new Cockpit.Detection.Pipeline.ScoredValue("complaint-surge", "complaint-surge|complaints|haizhu", at, 20, 0.1, 20, 18, 22) { Measurement = "complaints", Labels = [new("region", "haizhu")] });

        page.WaitForAssertion(() => Assert.Equal("yes", page.Find(".alert-chart").GetAttribute("data-band")));
        Assert.Equal(["value", "expected", "band low", "band high"], chart.Instance.Series.Select(s => s.Name));
        Assert.Equal([new Cockpit.Web.Components.Controls.ChartPoint(Points.Monday.AddMinutes(31).ToUnixTimeMilliseconds(), 4)], chart.Instance.Series[1].Points);
        Assert.Empty(page.FindAll("[data-note='no-band']"));
    }

    [Fact]
    public async Task Contributors_TopPartsAsShareOfTheRise()
    {
        _s.Build();
        await _inbox.WriteTianheSurgeAsync();

        var page = RenderDetail(_s.TianheSurge);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".contrib-row")));
        var first = page.Find(".contrib-table[data-keys='category,channel'] .contrib-row");
        Assert.Equal("broadband · hotline: 80% of the rise", string.Join(" ", first.TextContent.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Split(" (")[0]);
    }

    [Fact]
    public void ChartAndContributors_RuleWithoutASeries_SayWhy()
    {
        _s.H.Fire(rule: "source-silent", region: "panyu");

        var page = RenderDetail(_s.H.Only(rule: "source-silent", region: "panyu").Id);

        Assert.NotNull(page.Find(".alert-chart [data-note='no-source']"));
        Assert.NotNull(page.Find(".contributors [data-note='no-source']"));
    }

    [Fact]
    public async Task Chinese_HeadingsAndSharesInChinese()
    {
        _s.Build();
        await _inbox.WriteTianheSurgeAsync();
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");

        var page = RenderDetail(_s.TianheSurge);

        Assert.Contains("主要贡献因素", page.FindAll(".detail-card h2").Select(h => h.TextContent));
        page.WaitForAssertion(() => Assert.Contains("占上升的 80%", page.Find(".contrib-share").TextContent, StringComparison.Ordinal));
        Assert.Equal("告警中", Field(page, "state").QuerySelector(".badge-state")!.TextContent);
    }

    [Fact]
    public void Render_DefaultZone_TimesOnTheServiceCentresClockAndTheZoneNamedOnce()
    {
        _s.Build();

        var page = RenderDetail(_s.TianheSurge);

        Assert.Equal("Asia/Shanghai (UTC+8)", Text(page, "zone"));
        Assert.Equal("Time (UTC+8)", page.Find("table.history th").TextContent);
        var started = Field(page, "starts").QuerySelector("time")!;
        Assert.Equal("2026-11-23T00:00:00Z", started.GetAttribute("datetime"));
        Assert.Equal("Asia/Shanghai (UTC+8)", started.GetAttribute("title"));
    }

    [Fact]
    public void Render_ZoneWithDaylightSaving_LocalTimesWithTheOffsetOfTheirDate()
    {
        Services.AddSingleton(DisplayZones.Berlin);
        _s.Build(); // Monday 2026-11-23, winter: UTC+1

        var page = RenderDetail(_s.TianheSurge);

        Assert.Equal("2026-11-23 01:00 data time", Text(page, "starts"));
        Assert.Equal("2026-11-23 01:00:00", Text(page, "fired"));
        Assert.Equal("Europe/Berlin (UTC+1)", Text(page, "zone"));
        Assert.Equal("Time (Europe/Berlin)", page.Find("table.history th").TextContent);
        Assert.Equal("2026-11-23 01:00:00", page.Find("tr.history-entry td").TextContent.Trim());
    }
}
