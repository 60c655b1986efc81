using Bunit;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Controls.Wall;

public sealed class AlertTickerTests : BunitContext
{
    public AlertTickerTests() => Services.AddLocalization(o => o.ResourcesPath = "Resources");

    private static AlertRecord Alert(long id, AlertSeverity severity, string region, string summary, AlertStatus status = AlertStatus.Firing) => new()
    {
        Id = id,
        Fingerprint = "complaint-surge{region=" + region + "}",
        Rule = "complaint-surge",
        Measurement = "complaints",
        Tags = new Dictionary<string, string> { ["region"] = region },
        Severity = severity,
        Status = status,
        Summary = summary,
        StartsAt = Points.Monday,
        UpdatedAt = Points.Monday,
        ChangedAt = Points.Monday,
    };

    [Fact]
    public void Render_NoAlerts_SaysNoneAndCountsZero()
    {
        var ticker = Render<AlertTicker>(p => p.Add(t => t.Alerts, []));

        Assert.Equal("0", ticker.Find(".ticker-count").TextContent);
        Assert.Equal("No active alerts", ticker.Find(".ticker-empty").TextContent);
        Assert.Empty(ticker.FindAll(".ticker-item"));
    }

    [Fact]
    public void Render_Alerts_OneItemEachWithSeverityPlaceAndSummary_StillWhenFew()
    {
        var ticker = Render<AlertTicker>(p => p.Add(t => t.Alerts, [Alert(7, AlertSeverity.Critical, "tianhe", "complaints 3× expected"), Alert(8, AlertSeverity.Warning, "liwan", "slow", AlertStatus.Acknowledged)]));

        var items = ticker.FindAll(".ticker-item");
        Assert.Equal(["7", "8"], items.Select(i => i.GetAttribute("data-alert-id")));
        Assert.Equal("critical", items[0].QuerySelector(".ticker-badge")!.TextContent);
        Assert.Equal("天河 tianhe · complaint-surge", items[0].QuerySelector(".ticker-where")!.TextContent);
        Assert.Equal("complaints 3× expected", items[0].QuerySelector(".ticker-summary")!.TextContent);
        Assert.Equal("acked", items[1].QuerySelector(".ticker-badge")!.TextContent);
        Assert.Contains("ticker-acked", items[1].ClassList);
        Assert.DoesNotContain("ticker-scroll", ticker.Find(".ticker-items").ClassList);
        Assert.Equal("2", ticker.Find(".ticker-count").TextContent);
    }

    [Fact]
    public void Render_ManyAlerts_Scrolls()
    {
        var ticker = Render<AlertTicker>(p => p.Add(t => t.Alerts, [.. Enumerable.Range(1, 5).Select(i => Alert(i, AlertSeverity.Warning, "r" + i, "s"))]));

        Assert.Contains("ticker-scroll", ticker.Find(".ticker-items").ClassList);
    }

    [Fact]
    public void Render_MarkupInTagAndSummary_ShownAsText()
    {
        const string Evil = "<img src=x onerror=alert(1)>";

        var ticker = Render<AlertTicker>(p => p.Add(t => t.Alerts, [Alert(1, AlertSeverity.Critical, Evil, Evil)]));

        Assert.Empty(ticker.FindAll("img"));
        Assert.Equal(Evil, ticker.Find(".ticker-summary").TextContent);
        Assert.StartsWith(Evil, ticker.Find(".ticker-where").TextContent, StringComparison.Ordinal);
    }
}
