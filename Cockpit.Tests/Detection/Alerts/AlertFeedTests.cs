using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Detection.Alerts;

public sealed class AlertFeedTests
{
    private readonly TestScheduler _scheduler = new();

    private AlertFeed Feed() => new(_scheduler, Options.Create(new DetectionOptions { UiThrottle = TimeSpan.FromSeconds(1) }));

    private static AlertSignal Signal(bool firing, int minute, string region = "tianhe", AlertSeverity severity = AlertSeverity.Warning) => new(
        "complaint-surge",
        "complaints",
        new Dictionary<string, string> { ["region"] = region },
        firing,
        severity,
        "summary at " + minute,
        40,
        12,
        7,
        Points.Monday.AddMinutes(minute));

    [Fact]
    public void Apply_RepeatedFiring_OneAlertUpdated()
    {
        using var feed = Feed();

        var first = feed.Apply(Signal(true, 0))!;
        var second = feed.Apply(Signal(true, 1, severity: AlertSeverity.Critical))!;

        Assert.Equal(first.Id, second.Id);
        var alert = Assert.Single(feed.Snapshot());
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal(Points.Monday, alert.StartedAt);
        Assert.Equal(Points.Monday.AddMinutes(1), alert.UpdatedAt);
    }

    [Fact]
    public void Apply_ResolveThenFireAgain_NewAlert()
    {
        using var feed = Feed();
        var first = feed.Apply(Signal(true, 0))!;

        var resolved = feed.Apply(Signal(false, 10))!;
        var again = feed.Apply(Signal(true, 20))!;

        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(first.Id, resolved.Id);
        Assert.Equal("summary at 10", resolved.Summary);
        Assert.Equal(Points.Monday.AddMinutes(10), resolved.ResolvedAt);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal(2, feed.Snapshot().Count);
        Assert.Equal(again.Id, feed.Snapshot()[0].Id);
    }

    [Fact]
    public void Apply_RecoveryWithoutOpenAlert_Ignored()
    {
        using var feed = Feed();

        Assert.Null(feed.Apply(Signal(false, 0)));
        Assert.Empty(feed.Snapshot());
    }

    [Fact]
    public void Apply_ManyResolved_OldestResolvedDropped()
    {
        using var feed = Feed();
        for (var i = 0; i < AlertFeed.MaxResolved + 20; i++)
        {
            feed.Apply(Signal(true, i * 2, region: "r" + i));
            feed.Apply(Signal(false, (i * 2) + 1, region: "r" + i));
        }

        feed.Apply(Signal(true, 5000, region: "open"));

        Assert.Equal(AlertFeed.MaxResolved + 1, feed.Snapshot().Count);
        Assert.DoesNotContain(feed.Snapshot(), a => a.Tags["region"] == "r0");
        Assert.Contains(feed.Snapshot(), a => a.Tags["region"] == "open");
    }

    [Fact]
    public void Subscribe_BurstOfChanges_OneNotificationPerThrottleInterval()
    {
        using var feed = Feed();
        var calls = 0;
        using var subscription = feed.Subscribe(() => calls++);

        for (var i = 0; i < 10; i++)
        {
            feed.Apply(Signal(true, i, region: "r" + i));
        }

        Assert.Equal(0, calls);
        _scheduler.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, calls);
        _scheduler.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, calls);
    }
}
