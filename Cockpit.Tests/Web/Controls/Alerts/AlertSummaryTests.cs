using Bunit;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls;
using Cockpit.Web.Components.Controls.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Controls.Alerts;

/// <summary>
/// Alert summaries said from their facts in the viewer's language, numbers in the viewer's culture and rounded to
/// what matters; alerts from before facts show their stored English; markup in labels stays text.
/// </summary>
public sealed class AlertSummaryTests : BunitContext
{
    private static readonly Dictionary<string, string> Tianhe = new(StringComparer.Ordinal) { ["region"] = "tianhe" };

    public AlertSummaryTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(DisplayZones.Shanghai);
    }

    private static SignalFacts Facts(SignalFactKind kind, Func<SignalFacts, SignalFacts>? change = null)
    {
        var facts = new SignalFacts
        {
            Kind = kind,
            Measurement = "complaints",
            Field = "count",
            Labels = Tianhe,
            Value = 39,
            Expected = 28.92,
            Lower = 20.1,
            Upper = 37.7,
            Score = 0.934,
        };
        return change is null ? facts : change(facts);
    }

    public static TheoryData<string, SignalFacts, string> EveryKindInBothLanguages()
    {
        var data = new TheoryData<string, SignalFacts, string>();
        void Both(SignalFacts facts, string chinese, string english)
        {
            data.Add("zh-CN", facts, chinese);
            data.Add("en", facts, english);
        }

        Both(Facts(SignalFactKind.Anomalous),
            "投诉量 天河 tianhe：39，预期 28.9（正常 20.1–37.7），异常评分 0.93",
            "complaints 天河 tianhe is 39, expected 28.9 (normal 20.1 to 37.7); anomaly score 0.93");
        Both(Facts(SignalFactKind.Anomalous, f => f with { Value = 114.8, Expected = 77.34, Lower = null }),
            "投诉量 天河 tianhe：115，预期 77.3，异常评分 0.93",
            "complaints 天河 tianhe is 115, expected 77.3; anomaly score 0.93");
        Both(Facts(SignalFactKind.BackToNormal, f => f with { Value = 30.04 }),
            "投诉量 天河 tianhe 已恢复正常：30，预期 28.9（正常 20.1–37.7）",
            "complaints 天河 tianhe is back to normal: 30, expected 28.9 (normal 20.1 to 37.7)");
        Both(Facts(SignalFactKind.BeyondLimit, f => f with { Measurement = "network", Field = "loss_pct", Value = 7.25, Lower = null, Upper = 5 }),
            "网络丢包率（%） 天河 tianhe：7.25，超出限值（不高于 5）",
            "network loss (%) 天河 tianhe is 7.25, beyond its limit (at most 5)");
        Both(Facts(SignalFactKind.BeyondLimit, f => f with { Upper = null }),
            "投诉量 天河 tianhe：39，超出限值（不低于 20.1）",
            "complaints 天河 tianhe is 39, beyond its limit (at least 20.1)");
        Both(Facts(SignalFactKind.WithinLimits, f => f with { Value = 12345.6 }),
            "投诉量 天河 tianhe 已回到限值内：12,346",
            "complaints 天河 tianhe is back within its limits: 12,346");
        Both(Facts(SignalFactKind.Silent, f => f with { Measurement = "network", Field = "", Duration = TimeSpan.FromMinutes(5), Score = 0.5 }),
            "网络 天河 tianhe 已连续 5 分钟无数据（异常评分 0.50）",
            "No data from network 天河 tianhe for 5 min (anomaly score 0.50)");
        Both(Facts(SignalFactKind.SendingAgain, f => f with { Measurement = "network", Field = "" }),
            "网络 天河 tianhe 已恢复上报数据",
            "network 天河 tianhe is sending data again");
        Both(Facts(SignalFactKind.Unwatched, f => f with { Reason = UnwatchedReason.Idle, Duration = TimeSpan.FromHours(6) }),
            "投诉量 天河 tianhe：6 小时无数据，已停止监视",
            "complaints 天河 tianhe: no data for 6 h, no longer watched");
        Both(Facts(SignalFactKind.Unwatched, f => f with { Reason = UnwatchedReason.RuleChanged }),
            "投诉量 天河 tianhe：规则已修改，已停止监视",
            "complaints 天河 tianhe: no longer watched, its rule was changed");
        Both(Facts(SignalFactKind.Unwatched, f => f with { Reason = UnwatchedReason.RuleRemoved }),
            "投诉量 天河 tianhe：规则已停用或删除，已停止监视",
            "complaints 天河 tianhe: no longer watched, its rule was disabled or deleted");
        Both(Facts(SignalFactKind.Unwatched, f => f with { Reason = UnwatchedReason.Other, Measurement = "queue", Field = "", Labels = new Dictionary<string, string> { ["region"] = "tianhe", ["channel"] = "hotline" } }),
            "queue 天河 tianhe，channel=hotline：已停止监视",
            "queue 天河 tianhe, channel=hotline: no longer watched");
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindInBothLanguages))]
    public void Render_EachKindOfFact_InTheViewersLanguage(string culture, SignalFacts facts, string expected)
    {
        using var scope = new CultureScope(culture);

        var summary = Render<AlertSummary>(p => p.Add(s => s.Facts, facts).Add(s => s.Fallback, "English"));

        Assert.Equal(expected, summary.Markup.Trim());
    }

    [Fact]
    public void Render_GermanViewer_NumbersInGermanFormat()
    {
        using var scope = new CultureScope("de-DE");

        var summary = Render<AlertSummary>(p => p.Add(s => s.Facts, Facts(SignalFactKind.Anomalous)).Add(s => s.Fallback, "English"));

        Assert.Equal("complaints 天河 tianhe is 39, expected 28,9 (normal 20,1 to 37,7); anomaly score 0,93", summary.Markup.Trim());
    }

    [Fact]
    public void Render_AlertFromBeforeFacts_ItsStoredEnglishSummary()
    {
        using var scope = new CultureScope("zh-CN");

        var summary = Render<AlertSummary>(p => p.Add(s => s.Facts, null).Add(s => s.Fallback, "complaints region=tianhe is 39 <b>"));

        Assert.Equal("complaints region=tianhe is 39 &lt;b&gt;", summary.Markup.Trim());
    }

    [Fact]
    public void Render_MarkupInLabels_ShownAsText()
    {
        var evil = Facts(SignalFactKind.SendingAgain, f => f with { Labels = new Dictionary<string, string> { ["queue"] = "<img src=x onerror=alert(1)>" } });

        var summary = Render<AlertSummary>(p => p.Add(s => s.Facts, evil).Add(s => s.Fallback, ""));

        Assert.Empty(summary.FindAll("img"));
        Assert.Contains("queue=<img src=x onerror=alert(1)>", summary.Nodes.Single().TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "投诉量 天河 tianhe：39，预期 28.9（正常 20.1–37.7），异常评分 0.93")]
    [InlineData("en", "complaints 天河 tianhe is 39, expected 28.9 (normal 20.1 to 37.7); anomaly score 0.93")]
    public void AlertList_RowSummary_FromTheFactsInTheViewersLanguage(string culture, string expected)
    {
        using var scope = new CultureScope(culture);
        var facts = Facts(SignalFactKind.Anomalous);
        var alert = new AlertRecord
        {
            Id = 1,
            Fingerprint = "complaint-surge{region=tianhe}",
            Rule = "complaint-surge",
            Measurement = "complaints",
            Tags = Tianhe,
            Severity = AlertSeverity.Warning,
            Status = AlertStatus.Firing,
            Summary = SignalFactsFormatter.Summary(facts),
            Facts = facts,
            StartsAt = Points.Monday,
            UpdatedAt = Points.Monday,
            ChangedAt = Points.Monday,
        };

        var list = Render<AlertList>(p => p.Add(l => l.Alerts, [alert]));

        Assert.Equal(expected, list.Find(".alert-summary").TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "fired again (time 2): 投诉量 天河 tianhe：39，预期 28.9（正常 20.1–37.7），异常评分 0.93")]
    [InlineData("en", "fired again (time 2): complaints 天河 tianhe is 39, expected 28.9 (normal 20.1 to 37.7); anomaly score 0.93")]
    public void HistoryList_LineWithFacts_ItsSummaryPartInTheViewersLanguage(string culture, string expected)
    {
        using var scope = new CultureScope(culture);
        var facts = Facts(SignalFactKind.Anomalous);
        AlertHistoryEntry[] entries =
        [
            new(1, Points.Monday, "rule:complaint-surge", "fired", "fired again (time 2): " + SignalFactsFormatter.Summary(facts)) { Facts = facts },
            new(1, Points.Monday, "wang.fang", "acknowledged", "by hand"),
        ];

        var history = Render<AlertHistoryList>(p => p.Add(h => h.Entries, entries));

        var details = history.FindAll(".history-detail").Select(d => d.TextContent).ToArray();
        Assert.Equal([expected, "by hand"], details);
    }
}
