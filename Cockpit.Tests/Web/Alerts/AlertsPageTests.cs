using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Cockpit.Web.Components.Controls.Alerts;
using AlertsPage = Cockpit.Web.Components.Pages.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Alerts;

public sealed class AlertsPageTests : AlertPageTestContext
{
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

        Assert.Equal([_s.TianheOutage, _s.TianheSurge, _s.HaizhuLatency, _s.LiwanSurge, _s.YuexiuSurge], Ids(page));
        Assert.Equal("5 alerts in 5 groups", page.Find(".alerts-count").TextContent);
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
        Assert.Equal("—", Cell(liwan, "col-labels"));
        Assert.Equal("complaint-surge in liwan at score 0.90", Cell(liwan, "col-summary"));
        Assert.Equal("荔湾 liwan", Cell(liwan, "col-region"));
        Assert.Equal("20m", Cell(liwan, "col-age"));
        Assert.Equal("2026-11-23T00:10:00Z", liwan.QuerySelector(".col-age time")!.GetAttribute("datetime"));
        Assert.Equal("Started 2026-11-23 08:10 (UTC+8)", liwan.QuerySelector(".col-age time")!.GetAttribute("title"));
        Assert.Equal("li.wei", Cell(liwan, "col-acked"));
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
    }

    [Theory]
    [InlineData("{region=\"tianhe\"}", "outage,surge")]
    [InlineData("{region=\"tianhe\",rule=\"complaint-surge\"}", "surge")]
    [InlineData("{rule=~\"complaint-surge|network-latency\",region!=\"liwan\"}", "surge,latency,yuexiu")]
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
    [InlineData("firing,acknowledged", "outage,surge,liwan")]
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
        Assert.Equal(Evil, Cell(row, "col-region"));
        Assert.Equal(Evil, page.Find(".group-value[data-label='region'] .group-label-value").TextContent);
        Assert.Equal($"complaint-surge in {Evil} at score 0.90", Cell(row, "col-summary"));
        Assert.Equal("{region=\"" + Evil + "\"}", page.Find(".filter-text").TextContent);
    }

    [Fact]
    public void Render_NoAlerts_AllQuiet()
    {
        var page = RenderList();

        Assert.Equal("No alerts. All quiet.", page.Find(".alert-table-empty").TextContent);
        Assert.Equal("0 alerts in 0 groups", page.Find(".alerts-count").TextContent);
    }

    // Pushes call back on scheduler threads in whatever culture those have; the page renders in the viewer's anyway.
    // de-DE writes 0,90 for 0.90 and has no resources of its own (English text): both would show.
    [Theory]
    [InlineData("zh-CN", "en-US", "6 个分组中有 6 条告警", "刚刚", "警告", "告警中")]
    [InlineData("zh-CN", "de-DE", "6 个分组中有 6 条告警", "刚刚", "警告", "告警中")]
    [InlineData("en", "zh-CN", "6 alerts in 6 groups", "just now", "warning", "firing")]
    public async Task Live_PushFromAThreadInAnotherCulture_RendersInTheViewersCulture(string viewer, string server, string count, string age, string severity, string state)
    {
        _s.Build();
        IRenderedComponent<AlertsPage> page;
        using (new Controls.CultureScope(viewer))
        {
            page = RenderList();
        }

        await Task.Run(() =>
        {
            using var other = new Controls.CultureScope(server);
            _s.H.Fire(region: "panyu");
            _s.PassThrottle();
        });

        var panyu = Row(page, _s.H.Only(region: "panyu").Id);
        Assert.Equal(count, page.Find(".alerts-count").TextContent);
        Assert.Equal(age, Cell(panyu, "col-age"));
        Assert.Equal(severity, panyu.QuerySelector(".badge-severity")!.TextContent);
        Assert.Equal(state, panyu.QuerySelector(".badge-state")!.TextContent);
    }

    [Theory]
    [InlineData("zh-CN", "en-US", "1分钟")]
    [InlineData("en", "zh-CN", "1m")]
    public async Task Live_AgeTickFromAThreadInAnotherCulture_RendersInTheViewersCulture(string viewer, string server, string age)
    {
        _s.H.Fire(region: "panyu");
        IRenderedComponent<AlertsPage> page;
        using (new Controls.CultureScope(viewer))
        {
            page = RenderList();
        }

        await Task.Run(() =>
        {
            using var other = new Controls.CultureScope(server);
            _s.H.Scheduler.Advance(AlertsPage.AgeTick * 2);
        });

        Assert.Equal(age, Cell(Row(page, _s.H.Only(region: "panyu").Id), "col-age"));
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

    private void SignIn(string name, params string[] roles)
    {
        Auth.SetAuthorized(name);
        Auth.SetRoles(roles);
    }

    private static string[] Buttons(IElement row) => [.. row.QuerySelectorAll(".action-bar button").Select(b => b.GetAttribute("data-action")!)];

    private static IElement Button(IRenderedComponent<AlertsPage> page, long id, string action) =>
        page.Find($"tr[data-alert-id='{id}'] button[data-action='{action}']");

    private static IElement Feedback(IRenderedComponent<AlertsPage> page) => page.Find(".inbox-feedback");

    [Fact]
    public void Render_DefaultGrouping_OneHeaderPerRuleAndRegionWithCounts()
    {
        _s.Build();

        var page = RenderList();

        var heads = page.FindAll("tbody.alert-group");
        Assert.Equal(5, heads.Count);
        var first = heads[0];
        Assert.Equal(["rule=network-outage", "region=tianhe"], first.QuerySelectorAll(".group-value").Select(v => v.TextContent));
        Assert.Equal("1 alert · 1 open · 1 firing", first.QuerySelector(".group-count")!.TextContent);
        Assert.Equal([_s.TianheOutage], first.QuerySelectorAll("tr.alert-table-row").Select(r => long.Parse(r.GetAttribute("data-alert-id")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("1 alert · 0 open · 0 firing", heads[4].QuerySelector(".group-count")!.TextContent);
    }

    [Fact]
    public void Render_ConfiguredGrouping_ByRegion_AlertsOfARegionUnderOneHeader()
    {
        _s.Build();
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new Cockpit.Alerting.AlertingOptions { Grouping = { GroupBy = ["region"] } }));

        var page = RenderList();

        var groups = page.FindAll("tbody.alert-group");
        Assert.Equal(["region=tianhe", "region=haizhu", "region=liwan", "region=yuexiu"], groups.Select(g => g.QuerySelector(".group-value")!.TextContent));
        Assert.Equal("2 alerts · 2 open · 2 firing", groups[0].QuerySelector(".group-count")!.TextContent);
        Assert.Equal("5 alerts in 4 groups", page.Find(".alerts-count").TextContent);
    }

    [Fact]
    public void Roles_AnonymousAndViewer_SeeNoActions()
    {
        _s.Build();
        Assert.Empty(RenderList().FindAll(".action-bar button"));

        SignIn("zhao.min", "viewer");
        var page = RenderList();

        Assert.Equal(5, Ids(page).Length);
        Assert.Empty(page.FindAll(".action-bar button"));
    }

    [Fact]
    public void Roles_Analyst_OnlyNotes_OnCallAndAdmin_EverythingTheStateAllows()
    {
        _s.Build();
        SignIn("sun.li", "analyst");
        Assert.Equal(["note"], Buttons(Row(RenderList(), _s.TianheOutage)));

        SignIn("li.wei", "oncall");
        var page = RenderList();
        Assert.Equal(["acknowledge", "resolve", "silence", "note"], Buttons(Row(page, _s.TianheOutage)));
        Assert.Equal(["resolve", "silence", "note"], Buttons(Row(page, _s.LiwanSurge)));
        Assert.Equal(["silence", "note"], Buttons(Row(page, _s.HaizhuLatency)));
        Assert.Equal(["silence", "note"], Buttons(Row(page, _s.YuexiuSurge)));

        SignIn("admin.wu", "admin");
        Assert.Equal(["acknowledge", "resolve", "silence", "note"], Buttons(Row(RenderList(), _s.TianheOutage)));
    }

    [Fact]
    public void Ack_OnCallFromTheList_RecordedUnderTheirNameWithFeedback()
    {
        _s.Build();
        SignIn("li.wei", "oncall");
        var page = RenderList();

        Button(page, _s.TianheOutage, "acknowledge").Click();

        var alert = _s.H.Book.Find(_s.TianheOutage)!;
        Assert.Equal(Cockpit.Alerting.Model.AlertStatus.Acknowledged, alert.Status);
        Assert.Equal("li.wei", alert.AcknowledgedBy);
        Assert.Equal($"Acknowledged network-outage #{_s.TianheOutage}.", Feedback(page).TextContent);
        Assert.Equal("true", Feedback(page).GetAttribute("data-ok"));
        Assert.Equal("li.wei", Cell(Row(page, _s.TianheOutage), "col-acked"));
        Assert.Equal(["resolve", "silence", "note"], Buttons(Row(page, _s.TianheOutage)));
    }

    [Fact]
    public void Ack_AlertResolvedMeanwhile_ConflictShownAsText()
    {
        _s.Build();
        SignIn("li.wei", "oncall");
        var page = RenderList();
        _s.H.Book.Resolve(_s.TianheOutage, "chen.jing"); // by someone else; the page has not refreshed yet

        Button(page, _s.TianheOutage, "acknowledge").Click();

        Assert.Equal($"Could not acknowledge network-outage #{_s.TianheOutage}: The alert is already resolved.", Feedback(page).TextContent);
        Assert.Equal("false", Feedback(page).GetAttribute("data-ok"));
        Assert.Null(_s.H.Book.Find(_s.TianheOutage)!.AcknowledgedBy);
    }

    [Fact]
    public void Resolve_AdminFromTheList_Resolved()
    {
        _s.Build();
        SignIn("admin.wu", "admin");
        var page = RenderList();

        Button(page, _s.LiwanSurge, "resolve").Click();

        Assert.Equal("admin.wu", _s.H.Book.Find(_s.LiwanSurge)!.ResolvedBy);
        Assert.Equal($"Resolved complaint-surge #{_s.LiwanSurge}.", Feedback(page).TextContent);
        Assert.True(Row(page, _s.LiwanSurge).ClassList.Contains("row-resolved"));
    }

    [Fact]
    public void Silence_FormPrefilledFromLabels_CommentRequired_ThenCreatedForTheChosenDuration()
    {
        _s.Build(); // now 00:30
        SignIn("li.wei", "oncall");
        var page = RenderList();
        var before = _s.H.Silences.List().Count;

        Button(page, _s.TianheOutage, "silence").Click();
        var form = page.Find($"tr[data-expanded-for='{_s.TianheOutage}'] .silence-form");
        Assert.Equal("rule=\"network-outage\"\nregion=\"tianhe\"", form.QuerySelector(".silence-matchers")!.GetAttribute("value") ?? form.QuerySelector(".silence-matchers")!.TextContent);
        page.Find("input[data-duration='4h']").Change("4h");
        page.Find(".silence-form").Submit();

        Assert.Equal("Could not silence network-outage #" + _s.TianheOutage + ": A comment is required: say why, for the next person on call.", page.Find(".panel-error").TextContent);
        Assert.Equal(before, _s.H.Silences.List().Count);

        page.Find(".silence-comment").Change("Tower maintenance " + AlertPagesScenario.Evil);
        page.Find(".silence-form").Submit();

        var silence = _s.H.Silences.List()[0];
        Assert.Equal(before + 1, _s.H.Silences.List().Count);
        Assert.Equal("li.wei", silence.CreatedBy);
        Assert.Equal(_s.H.Now + TimeSpan.FromHours(4), silence.EndsAt);
        Assert.Equal(["rule=\"network-outage\"", "region=\"tianhe\""], silence.Matchers.Select(m => m.ToString()));
        Assert.Equal($"Silenced network-outage #{_s.TianheOutage} until 2026-11-23 12:30 UTC+8 (silence {silence.Id}).", Feedback(page).TextContent);
        Assert.Empty(page.FindAll(".silence-form"));
        Assert.Contains(silence.Id, _s.H.Book.Find(_s.TianheOutage)!.SilencedBy);
        Assert.Empty(page.FindAll("img"));
    }

    [Fact]
    public void Silence_CustomDurationAndEditedMatchers_BadInputExplained()
    {
        _s.Build();
        SignIn("li.wei", "oncall");
        var page = RenderList();
        Button(page, _s.TianheSurge, "silence").Click();

        page.Find("input[data-duration='custom']").Change("custom");
        page.Find(".custom-duration").Change("soon");
        page.Find(".silence-matchers").Change("region=~\"(\"");
        page.Find(".silence-comment").Change("storm");
        page.Find(".silence-form").Submit();

        var error = page.Find(".panel-error").TextContent;
        Assert.Contains("'soon' is not a duration", error, StringComparison.Ordinal);
        Assert.Contains("bad regular expression", error, StringComparison.Ordinal);

        page.Find(".custom-duration").Change("90m");
        page.Find(".silence-matchers").Change("region=\"tianhe\"");
        page.Find(".silence-form").Submit();

        var silence = _s.H.Silences.List()[0];
        Assert.Equal(_s.H.Now + TimeSpan.FromMinutes(90), silence.EndsAt);
        Assert.Equal(["region=\"tianhe\""], silence.Matchers.Select(m => m.ToString()));
    }

    [Fact]
    public void Note_AnalystFromTheList_StoredAsTextUnderTheirName()
    {
        _s.Build();
        SignIn("sun.li", "analyst");
        var page = RenderList();

        Button(page, _s.YuexiuSurge, "note").Click();
        page.Find(".note-input").Change("Post-mortem: " + AlertPagesScenario.Evil);
        page.Find(".note-form").Submit();

        var note = Assert.Single(_s.H.Book.Notes(_s.YuexiuSurge));
        Assert.Equal("sun.li", note.Author);
        Assert.Equal("Post-mortem: " + AlertPagesScenario.Evil, note.Text);
        Assert.Equal($"Note added to complaint-surge #{_s.YuexiuSurge}.", Feedback(page).TextContent);
        Assert.Empty(page.FindAll("img"));
    }

    [Fact]
    public void Note_Empty_InvalidShownInTheForm()
    {
        _s.Build();
        SignIn("li.wei", "oncall");
        var page = RenderList();

        Button(page, _s.TianheOutage, "note").Click();
        page.Find(".note-form").Submit();

        Assert.StartsWith($"Could not add notes to network-outage #{_s.TianheOutage}: ", page.Find(".panel-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(_s.H.Book.Notes(_s.TianheOutage));
    }

    [Fact]
    public void Age_MovesOnWithTheClock()
    {
        _s.Build(); // now 00:30
        var page = RenderList();
        Assert.Equal("30m", Cell(Row(page, _s.TianheSurge), "col-age"));

        _s.H.Scheduler.Advance(TimeSpan.FromMinutes(45));

        page.WaitForAssertion(() => Assert.Equal("1h 15m", Cell(Row(page, _s.TianheSurge), "col-age")));
    }

    [Fact]
    public void Alarm_On_NewCriticalFiringAlertRaisesItOnce_WarningsDoNot()
    {
        _s.Build();
        var module = JSInterop.SetupModule("./js/inbox.js");
        module.Setup<AlarmState>("state").SetResult(new AlarmState(true, "granted"));
        module.Setup<bool>("alarm", _ => true).SetResult(true);
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal("on", page.Find(".alarm-button").GetAttribute("data-alarm")));

        _s.H.Fire(rule: "network-outage", region: "panyu", severity: Cockpit.Detection.Alerts.AlertSeverity.Critical);
        _s.H.Fire(region: "nansha");
        _s.PassThrottle();
        page.WaitForAssertion(() => Assert.Equal(7, Ids(page).Length));
        _s.H.Fire(rule: "network-outage", region: "panyu", severity: Cockpit.Detection.Alerts.AlertSeverity.Critical);
        _s.PassThrottle();

        page.WaitForAssertion(() => Assert.Single(module.Invocations["alarm"]));
        var call = module.Invocations["alarm"][0];
        Assert.Equal("Critical: network-outage", call.Arguments[0]);
        Assert.Equal("network-outage in panyu at score 0.90", call.Arguments[1]);
        Assert.EndsWith($"/alerts/{_s.H.Only(rule: "network-outage", region: "panyu").Id}", (string)call.Arguments[2]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarm_Off_NothingRaised_TurningItOnAsksTheBrowser()
    {
        _s.Build();
        var module = JSInterop.SetupModule("./js/inbox.js");
        module.Setup<AlarmState>("state").SetResult(new AlarmState(false, "default"));
        module.Setup<AlarmState>("enable").SetResult(new AlarmState(true, "denied"));
        var page = RenderList();
        page.WaitForAssertion(() => Assert.Equal("off", page.Find(".alarm-button").GetAttribute("data-alarm")));

        _s.H.Fire(rule: "network-outage", region: "panyu", severity: Cockpit.Detection.Alerts.AlertSeverity.Critical);
        _s.PassThrottle();
        page.WaitForAssertion(() => Assert.Equal(6, Ids(page).Length));
        Assert.Empty(module.Invocations["alarm"]);

        page.Find(".alarm-button").Click();

        page.WaitForAssertion(() => Assert.Equal("on", page.Find(".alarm-button").GetAttribute("data-alarm")));
        Assert.Single(module.Invocations["enable"]);
        Assert.Equal("Notifications are blocked by the browser; only the sound plays.", page.Find(".alarm-note").TextContent);
    }
}
