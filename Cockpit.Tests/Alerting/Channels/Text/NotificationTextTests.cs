using Cockpit.Alerting.Channels.Text;
using Cockpit.Detection.Alerts;

namespace Cockpit.Tests.Alerting.Channels.Text;

/// <summary>The words every channel shares: titles, the team line, per-alert parts.</summary>
public sealed class NotificationTextTests
{
    [Fact]
    public void From_FiringAndResolved_TitleCountsFiringAlertsRuleFirst()
    {
        var text = NotificationText.From(ChannelTestData.TwoAlerts());

        Assert.Equal("[FIRING:1] complaint-surge 天河", text.Title);
        Assert.Equal("Team 前端", text.Audience);
        Assert.True(text.Firing);
        Assert.Equal(AlertSeverity.Critical, text.Severity);
        Assert.Equal("http://cockpit.example:5000/alerts?group=7f3a", text.GroupLink);
    }

    [Fact]
    public void From_AllResolved_ResolvedTitleWithoutCount()
    {
        var two = ChannelTestData.TwoAlerts();

        var text = NotificationText.From(two with { Status = "resolved", Alerts = [two.Alerts[1]] });

        Assert.Equal("[RESOLVED] complaint-surge 天河", text.Title);
        Assert.False(text.Firing);
        Assert.Equal(AlertSeverity.Warning, text.Severity);
    }

    [Theory]
    [InlineData("", 0, null)]
    [InlineData("", 2, "Escalation level 2")]
    [InlineData("中台", 0, "Team 中台")]
    [InlineData("中台", 1, "Team 中台, escalation level 1")]
    public void From_TeamAndEscalation_AudienceLine(string team, int level, string? expected) =>
        Assert.Equal(expected, NotificationText.From(ChannelTestData.TwoAlerts() with { Team = team, EscalationLevel = level }).Audience);

    [Fact]
    public void From_Alert_PartsInUtcMinutesWithLabelsSortedAndHeadingLabelsLeftOut()
    {
        var text = NotificationText.From(ChannelTestData.TwoAlerts());

        var firing = text.Alerts[0];
        Assert.Equal("complaint-surge", firing.Rule);
        Assert.Equal("CRITICAL", firing.SeverityName);
        Assert.Equal(["queue=[x](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** `code` <font color=\"info\">ok</font> # h", "region=天河"], firing.Labels);
        Assert.Equal("value 412, expected 120, score 0.93", firing.Measure);
        Assert.Equal("光缆中断 <b>fibre cut</b>", firing.LikelyCause);
        Assert.Equal("2026-11-24 13:05 UTC", firing.Since);
        Assert.Null(firing.Until);
        Assert.Equal("http://cockpit.example:5000/alerts/17", firing.Link);
        var resolved = text.Alerts[1];
        Assert.Equal("2026-11-24 13:01 UTC", resolved.Until);
        Assert.Null(resolved.Measure);
        Assert.Null(resolved.LikelyCause);
    }

    [Fact]
    public void From_HugeSummary_ClippedSoOneAlertStaysSmall()
    {
        var two = ChannelTestData.TwoAlerts();
        var huge = two with { Alerts = [two.Alerts[0] with { Summary = new string('投', 50_000) }] };

        var summary = NotificationText.From(huge).Alerts[0].Summary;

        Assert.Equal(400, summary.Length);
        Assert.EndsWith("投…", summary, StringComparison.Ordinal);
    }
}
