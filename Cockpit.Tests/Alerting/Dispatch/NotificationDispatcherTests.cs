using Cockpit.Alerting;
using Cockpit.Tests.Testing;
using static Cockpit.Tests.Alerting.Dispatch.AlertingHarness;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>Grouping and the group timers (defaults: wait 30 s, interval 5 min, repeat 4 h), in virtual time.</summary>
public sealed class NotificationDispatcherTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Repeat = TimeSpan.FromHours(4);

    private readonly TempDirectory _dir = new();
    private readonly AlertingHarness _h;

    public NotificationDispatcherTests()
    {
        _h = new AlertingHarness(_dir.Path, new AlertingOptions { Receivers = [Receiver("ops")] }).StartDispatcher();
    }

    public void Dispose()
    {
        _h.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void GroupWait_ThreeAlertsFiringWithinIt_OneMessage()
    {
        _h.Book.Publish(TestAlerts.Firing(1, Start, channel: "hotline"));
        _h.AdvanceTo(TimeSpan.FromSeconds(10));
        _h.Book.Publish(TestAlerts.Firing(2, _h.Now, channel: "app"));
        _h.AdvanceTo(TimeSpan.FromSeconds(20));
        _h.Book.Publish(TestAlerts.Firing(3, _h.Now, channel: "web"));

        _h.AdvanceTo(Wait - TimeSpan.FromTicks(1));
        Assert.Empty(_h.Messages);

        _h.AdvanceTo(Wait);
        var message = Assert.Single(_h.Messages);
        Assert.Equal(Start + Wait, message.CreatedAt);
        Assert.Equal("firing", message.Status);
        Assert.Equal("ops", message.Receiver);
        Assert.Equal([1L, 2L, 3L], message.Alerts.Select(a => a.AlertId));
        Assert.All(message.Alerts, a => Assert.Equal("firing", a.Status));
        Assert.Equal("""{route="default",receiver="ops",level="0"}:{region="tianhe",rule="complaint-surge"}""", message.GroupKey);
        Assert.Equal(new Dictionary<string, string> { ["region"] = "tianhe", ["rule"] = "complaint-surge" }, message.GroupLabels);
        Assert.Equal("tianhe", message.CommonLabels["region"]);
        Assert.False(message.CommonLabels.ContainsKey("channel"));
        Assert.Equal(1, _h.Status.Queued);
    }

    [Fact]
    public void GroupWait_DifferentGroupLabels_SeparateMessages()
    {
        _h.Book.Publish(TestAlerts.Firing(1, Start, region: "tianhe"));
        _h.Book.Publish(TestAlerts.Firing(2, Start, region: "yuexiu"));

        _h.AdvanceTo(Wait);

        Assert.Equal(2, _h.Messages.Count);
        Assert.Equal(["tianhe", "yuexiu"], _h.Messages.Select(m => m.GroupLabels["region"]).Order());
    }

    [Fact]
    public void GroupInterval_NewAlertAfterFirstMessage_WaitsForTheInterval()
    {
        _h.Book.Publish(TestAlerts.Firing(1, Start, channel: "hotline"));
        _h.AdvanceTo(TimeSpan.FromMinutes(1));
        _h.Book.Publish(TestAlerts.Firing(2, _h.Now, channel: "app"));

        _h.AdvanceTo(Wait + Interval - TimeSpan.FromTicks(1));
        Assert.Single(_h.Messages);

        _h.AdvanceTo(Wait + Interval);
        Assert.Equal(2, _h.Messages.Count);
        var second = _h.Messages[1];
        Assert.Equal(Start + Wait + Interval, second.CreatedAt);
        Assert.Equal([1L, 2L], second.Alerts.Select(a => a.AlertId));
    }

    [Fact]
    public void GroupInterval_ChangeLongAfterLastMessage_SentAtOnce()
    {
        _h.Book.Publish(TestAlerts.Firing(1, Start, channel: "hotline"));
        _h.AdvanceTo(TimeSpan.FromHours(1));
        _h.Book.Publish(TestAlerts.Firing(2, _h.Now, channel: "app"));
        _h.AdvanceTo(TimeSpan.FromHours(1) + TimeSpan.FromTicks(1));

        Assert.Equal(2, _h.Messages.Count);
        Assert.Equal(Start + TimeSpan.FromHours(1), _h.Messages[1].CreatedAt);
    }

    [Fact]
    public void RepeatInterval_NothingChanged_ResentUntilAcknowledged()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromHours(5));
        Assert.Equal([Start + Wait, Start + Wait + Repeat], _h.Messages.Select(m => m.CreatedAt));

        _h.Book.Publish(alert.Acknowledged(_h.Now));
        _h.AdvanceTo(TimeSpan.FromHours(24));

        Assert.Equal(2, _h.Messages.Count);
    }

    [Fact]
    public void ValueScoreSummaryOrFlappingChange_IsNotNews()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromMinutes(1));
        _h.Book.Publish(alert with { Value = 99, Score = 1, Summary = "worse", Flapping = true, ChangedAt = _h.Now });

        _h.AdvanceTo(Wait + Repeat - TimeSpan.FromTicks(1));
        Assert.Single(_h.Messages);

        _h.AdvanceTo(Wait + Repeat);
        Assert.Equal(2, _h.Messages.Count);
        Assert.Equal("worse", _h.Messages[1].Alerts[0].Summary);
    }

    [Fact]
    public void Resolution_SentOnce_ThenGroupRemoved()
    {
        var a = _h.Book.Publish(TestAlerts.Firing(1, Start, channel: "hotline"));
        var b = _h.Book.Publish(TestAlerts.Firing(2, Start, channel: "app"));
        _h.AdvanceTo(TimeSpan.FromMinutes(1));
        _h.Book.Publish(a.Resolved(_h.Now));

        _h.AdvanceTo(Wait + Interval);
        var second = _h.Messages[1];
        Assert.Equal("firing", second.Status);
        Assert.Equal([(2L, "firing"), (1L, "resolved")], second.Alerts.Select(x => (x.AlertId, x.Status)));
        Assert.Equal(Start + TimeSpan.FromMinutes(1), second.Alerts[1].EndsAt);

        _h.AdvanceTo(Wait + Interval + Repeat);
        var repeat = _h.Messages[2];
        Assert.Equal([2L], repeat.Alerts.Select(x => x.AlertId));

        _h.Book.Publish(b.Resolved(_h.Now));
        _h.AdvanceTo(Wait + Interval + Repeat + Interval);
        var last = _h.Messages[3];
        Assert.Equal("resolved", last.Status);
        Assert.Equal([(2L, "resolved")], last.Alerts.Select(x => (x.AlertId, x.Status)));
        Assert.Empty(_h.Dispatcher.GroupKeys());

        _h.AdvanceTo(TimeSpan.FromDays(2));
        Assert.Equal(4, _h.Messages.Count);
    }

    [Fact]
    public void ResolvedBeforeGroupWait_NothingSent()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromSeconds(10));
        _h.Book.Publish(alert.Resolved(_h.Now));

        _h.AdvanceTo(TimeSpan.FromHours(5));

        Assert.Empty(_h.Messages);
        Assert.Empty(_h.Dispatcher.GroupKeys());
    }

    [Fact]
    public void AcknowledgedThenResolved_ResolutionStillSent()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromMinutes(1));
        _h.Book.Publish(alert.Acknowledged(_h.Now));
        _h.AdvanceTo(TimeSpan.FromMinutes(30));
        Assert.Single(_h.Messages);

        _h.Book.Publish(alert.Resolved(_h.Now));
        _h.AdvanceTo(TimeSpan.FromMinutes(31));

        Assert.Equal(2, _h.Messages.Count);
        Assert.Equal("resolved", _h.Messages[1].Status);
        Assert.Equal(Start + TimeSpan.FromMinutes(30), _h.Messages[1].CreatedAt);
    }

    [Fact]
    public void Silenced_NotSent_ThenSentWhenTheSilenceEnds()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start).SilencedBy(Start, "s-1"));
        _h.AdvanceTo(TimeSpan.FromHours(1));
        Assert.Empty(_h.Messages);

        _h.Book.Publish(alert.SilencedBy(_h.Now));
        _h.AdvanceTo(TimeSpan.FromHours(1) + Wait);

        var message = Assert.Single(_h.Messages);
        Assert.Equal(Start + TimeSpan.FromHours(1) + Wait, message.CreatedAt);
        Assert.Equal([1L], message.Alerts.Select(a => a.AlertId));
    }

    [Fact]
    public void Inhibited_NotSent_ThenSentWhenTheSourceResolves()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(2, Start).InhibitedBy(Start, 1));
        _h.AdvanceTo(TimeSpan.FromHours(1));
        Assert.Empty(_h.Messages);

        _h.Book.Publish(alert.InhibitedBy(_h.Now, null));
        _h.AdvanceTo(TimeSpan.FromHours(1) + Wait);

        Assert.Equal([2L], Assert.Single(_h.Messages).Alerts.Select(a => a.AlertId));
    }

    [Fact]
    public void SilencedAfterAnnounced_LeavesTheRepeats_AndRejoinsAsNews()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromMinutes(1));
        _h.Book.Publish(alert.SilencedBy(_h.Now, "s-1"));
        _h.AdvanceTo(TimeSpan.FromHours(6));
        Assert.Single(_h.Messages);

        _h.Book.Publish(alert.SilencedBy(_h.Now));
        _h.AdvanceTo(TimeSpan.FromHours(6) + TimeSpan.FromTicks(1));

        Assert.Equal(2, _h.Messages.Count);
        Assert.Equal(Start + TimeSpan.FromHours(6), _h.Messages[1].CreatedAt);
    }

    [Fact]
    public void Message_CarriesLinksAnnotationsAndNotifiedHistory()
    {
        _h.Book.Publish(TestAlerts.Firing(7, Start));
        _h.AdvanceTo(Wait);

        var message = Assert.Single(_h.Messages);
        var alert = Assert.Single(message.Alerts);
        Assert.Equal("http://127.0.0.1:5000", message.ExternalUrl);
        Assert.Equal("http://127.0.0.1:5000/alerts/7", alert.GeneratorUrl);
        Assert.Equal("http://127.0.0.1:5000/alerts?filter=%7Bregion%3D%22tianhe%22%2Crule%3D%22complaint-surge%22%7D", message.GroupUrl);
        Assert.Equal("complaint-surge in tianhe", alert.Annotations["summary"]);
        Assert.Equal("42", alert.Annotations["value"]);
        Assert.Equal("10", alert.Annotations["expected"]);
        Assert.Equal("0.9", alert.Annotations["score"]);
        Assert.Equal(16, alert.Fingerprint.Length);
        Assert.Null(alert.EndsAt);
        var recorded = Assert.Single(_h.Book.Recorded);
        Assert.Equal((7L, "system", "notified"), (recorded.AlertId, recorded.Actor, recorded.Action));
        Assert.Equal($"firing to ops, message {message.Id}", recorded.Detail);
    }
}
