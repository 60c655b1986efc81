using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using static Cockpit.Tests.Alerting.Dispatch.AlertingHarness;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>Which receivers an alert's messages go to: first match, Continue, no routes, unmatched.</summary>
public sealed class RoutingTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private AlertingHarness? _h;

    public void Dispose()
    {
        _h?.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void FirstMatchingRoute_Wins()
    {
        var h = Start(
            new RouteOptions { Name = "frontline", Matchers = ["region=~\"tianhe|yuexiu\""], Receivers = ["wecom-front"] },
            new RouteOptions { Name = "everything", Receivers = ["email-all"] });

        h.Book.Publish(TestAlerts.Firing(1, AlertingHarness.Start, region: "tianhe"));
        h.Book.Publish(TestAlerts.Firing(2, AlertingHarness.Start, region: "panyu"));
        h.AdvanceTo(Wait);

        Assert.Equal([("email-all", 2L), ("wecom-front", 1L)], h.Messages.Select(m => (m.Receiver, m.Alerts.Single().AlertId)).Order());
    }

    [Fact]
    public void ContinueRoute_AlsoMatchesLaterRoutes()
    {
        var h = Start(
            new RouteOptions { Name = "audit", Matchers = ["severity=critical"], Receivers = ["webhook-audit"], Continue = true },
            new RouteOptions { Name = "frontline", Matchers = ["region=tianhe"], Receivers = ["wecom-front"] },
            new RouteOptions { Name = "everything", Receivers = ["email-all"] });

        h.Book.Publish(TestAlerts.Firing(1, AlertingHarness.Start, severity: AlertSeverity.Critical));
        h.Book.Publish(TestAlerts.Firing(2, AlertingHarness.Start, rule: "queue-wait"));
        h.AdvanceTo(Wait);

        Assert.Equal(
            [("webhook-audit", 1L), ("wecom-front", 1L), ("wecom-front", 2L)],
            h.Messages.Select(m => (m.Receiver, m.Alerts.Single().AlertId)).Order());
    }

    [Fact]
    public void NoRoutes_EveryAlertToEveryReceiver()
    {
        var h = Start();

        h.Book.Publish(TestAlerts.Firing(1, AlertingHarness.Start));
        h.AdvanceTo(Wait);

        Assert.Equal(["email-all", "webhook-audit", "wecom-front"], h.Messages.Select(m => m.Receiver).Order());
        Assert.Equal(0, h.Status.UnroutedAlerts);
    }

    [Fact]
    public void UnmatchedAlert_GoesNowhere_AndIsCountedOncePerEpisode()
    {
        var h = Start(new RouteOptions { Name = "frontline", Matchers = ["region=tianhe"], Receivers = ["wecom-front"] });

        var alert = h.Book.Publish(TestAlerts.Firing(1, AlertingHarness.Start, region: "panyu"));
        h.Book.Publish(alert with { Value = 50, ChangedAt = AlertingHarness.Start + TimeSpan.FromSeconds(1) });
        h.AdvanceTo(TimeSpan.FromHours(1));

        Assert.Empty(h.Messages);
        Assert.Equal(1, h.Status.UnroutedAlerts);
    }

    [Fact]
    public void Teams_FrontMiddleBack_EachGetsItsAlertsWithItsTeam()
    {
        var h = Start(
            new RouteOptions { Name = "complaints", Team = "前端", Matchers = ["rule=complaint-surge"], Receivers = ["wecom-front"] },
            new RouteOptions { Name = "backlog", Team = "中台", Matchers = ["rule=~\"queue-.*\""], Receivers = ["webhook-audit"] },
            new RouteOptions { Name = "systems", Team = "后端", Matchers = ["measurement=systems"], Receivers = ["email-all"] });

        h.Book.Publish(TestAlerts.Firing(1, AlertingHarness.Start));
        h.Book.Publish(TestAlerts.Firing(2, AlertingHarness.Start, rule: "queue-wait"));
        h.Book.Publish(TestAlerts.Firing(3, AlertingHarness.Start, rule: "crm-down") with { Measurement = "systems" });
        h.AdvanceTo(Wait);

        Assert.Equal(
            [("email-all", "后端", 3L), ("webhook-audit", "中台", 2L), ("wecom-front", "前端", 1L)],
            h.Messages.Select(m => (m.Receiver, m.Team, m.Alerts.Single().AlertId)).Order());
    }

    [Fact]
    public void RouteTimers_OverrideTheDefaults()
    {
        var h = Start(new RouteOptions
        {
            Name = "fast",
            Receivers = ["wecom-front"],
            GroupBy = ["region"],
            GroupWait = TimeSpan.FromSeconds(5),
            RepeatInterval = TimeSpan.FromMinutes(30),
        });

        h.Book.Publish(TestAlerts.Firing(1, AlertingHarness.Start));
        h.Book.Publish(TestAlerts.Firing(2, AlertingHarness.Start, rule: "queue-wait"));
        h.AdvanceTo(TimeSpan.FromMinutes(31));

        Assert.Equal(
            [AlertingHarness.Start + TimeSpan.FromSeconds(5), AlertingHarness.Start + TimeSpan.FromSeconds(5) + TimeSpan.FromMinutes(30)],
            h.Messages.Select(m => m.CreatedAt));
        Assert.Equal([1L, 2L], h.Messages[0].Alerts.Select(a => a.AlertId));
        Assert.Equal("""{route="fast",receiver="wecom-front",level="0"}:{region="tianhe"}""", h.Messages[0].GroupKey);
    }

    private AlertingHarness Start(params RouteOptions[] routes)
    {
        var options = new AlertingOptions
        {
            Receivers = [Receiver("wecom-front", ReceiverKind.WeCom), Receiver("webhook-audit"), Receiver("email-all", ReceiverKind.Email)],
            Routes = [.. routes],
        };
        _h = new AlertingHarness(_dir.Path, options).StartDispatcher();
        return _h;
    }
}
