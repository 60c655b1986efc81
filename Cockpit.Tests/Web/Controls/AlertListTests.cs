using Bunit;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Controls;

public sealed class AlertListTests : BunitContext
{
    public AlertListTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(DisplayZones.Shanghai);
    }

    private static AlertRecord Alert(long id, AlertStatus state, string region, string summary, int startedMinute = 0) => new()
    {
        Id = id,
        Fingerprint = "complaint-surge{region=" + region + "}",
        Rule = "complaint-surge",
        Measurement = "complaints",
        Tags = new Dictionary<string, string> { ["region"] = region },
        Severity = AlertSeverity.Critical,
        Status = state,
        Summary = summary,
        StartsAt = Points.Monday.AddMinutes(startedMinute),
        UpdatedAt = Points.Monday.AddMinutes(startedMinute),
        ChangedAt = Points.Monday.AddMinutes(startedMinute),
    };

    [Fact]
    public void Render_NoAlerts_SaysAllQuiet()
    {
        var list = Render<AlertList>(p => p.Add(l => l.Alerts, []));

        Assert.Contains("All quiet", list.Find(".alerts-empty").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FiringAndResolved_RowPerAlertWithStateAndAge()
    {
        var list = Render<AlertList>(p => p
            .Add(l => l.Alerts, [Alert(1, AlertStatus.Firing, "tianhe", "surge", 0), Alert(2, AlertStatus.Resolved, "liwan", "over", 50)])
            .Add(l => l.Now, Points.Monday.AddMinutes(75)));

        var rows = list.FindAll(".alert-row");
        Assert.Equal(2, rows.Count);
        Assert.Contains("alert-firing", rows[0].ClassList);
        Assert.Equal("critical", rows[0].QuerySelector(".alert-badge")!.TextContent);
        Assert.Equal("tianhe — complaint-surge", rows[0].QuerySelector(".alert-where")!.TextContent);
        Assert.Equal("1 h 15 min", rows[0].QuerySelector(".alert-time")!.TextContent);
        Assert.Equal("resolved", rows[1].QuerySelector(".alert-badge")!.TextContent);
        Assert.Equal("25 min", rows[1].QuerySelector(".alert-time")!.TextContent);
    }

    [Fact]
    public void Render_MarkupInTagsAndSummary_ShownAsText()
    {
        const string Evil = "<img src=x onerror=alert(1)>";

        var list = Render<AlertList>(p => p.Add(l => l.Alerts, [Alert(1, AlertStatus.Firing, Evil, Evil)]));

        Assert.Empty(list.FindAll("img"));
        Assert.Equal(Evil, list.Find(".alert-summary").TextContent);
        Assert.StartsWith(Evil, list.Find(".alert-where").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChineseCulture_TextFromTheChineseResources()
    {
        using var culture = new CultureScope("zh-CN");

        var list = Render<AlertList>(p => p
            .Add(l => l.Alerts, [Alert(1, AlertStatus.Firing, "tianhe", "surge", 0)])
            .Add(l => l.Now, Points.Monday.AddMinutes(75)));

        Assert.Equal("告警", list.Find(".alerts-title").TextContent);
        Assert.Equal("严重", list.Find(".alert-badge").TextContent);
        Assert.Equal("1 小时 15 分钟", list.Find(".alert-time").TextContent);
    }
}
