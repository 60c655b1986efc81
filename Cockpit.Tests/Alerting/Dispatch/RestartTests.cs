using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Tests.Testing;
using static Cockpit.Tests.Alerting.Dispatch.AlertingHarness;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>
/// Kill and restart: each harness is one process on the same SQLite file; disposing one is a crash (nothing is
/// flushed). Virtual time and the alert book carry over, as the clock and the lead's book would.
/// </summary>
public sealed class RestartTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Repeat = TimeSpan.FromHours(4);
    private readonly TempDirectory _dir = new();
    private readonly TestScheduler _scheduler = new();
    private readonly FakeAlertBook _book = new();
    private readonly AlertingOptions _options = new() { Receivers = [Receiver("hook")] };

    public RestartTests()
    {
        _scheduler.AdvanceTo(Start.UtcTicks);
    }

    public void Dispose()
    {
        _book.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void QueuedBeforeKill_DeliveredOnceAfterRestart_NeverResent_GroupNotReannounced()
    {
        long id;
        using (var first = Process().StartDispatcher())
        {
            _book.Publish(TestAlerts.Firing(1, Start));
            first.AdvanceTo(Wait);
            id = Assert.Single(first.Outbox.All()).Id;
        }

        using (var second = Process().StartAll())
        {
            second.AdvanceTo(Wait + TimeSpan.FromMinutes(10));
            var delivered = Assert.Single(second.Channel(ReceiverKind.Webhook).Attempts);
            Assert.Equal((id, Start + Wait), (delivered.Notification.Id, delivered.At));
            Assert.Single(second.Outbox.All());
        }

        using var third = Process().StartAll();
        third.AdvanceTo(Wait + TimeSpan.FromHours(1));
        Assert.Empty(third.Channel(ReceiverKind.Webhook).Attempts);
        Assert.Single(third.Outbox.All());

        // The group's state came back too: its reminder is due 4 h after the message from before the restarts.
        third.AdvanceTo(Wait + Repeat);
        var reminder = Assert.Single(third.Channel(ReceiverKind.Webhook).Attempts);
        Assert.Equal(Start + Wait + Repeat, reminder.At);
        Assert.Equal([1L], reminder.Notification.Alerts.Select(a => a.AlertId));
    }

    [Fact]
    public void KilledWithTheGroupWaiting_RestartBuildsTheGroupFromTheBook()
    {
        using (var first = Process().StartDispatcher())
        {
            _book.Publish(TestAlerts.Firing(1, Start));
            first.AdvanceTo(TimeSpan.FromSeconds(10));
        }

        using var second = Process().StartAll();
        second.AdvanceTo(TimeSpan.FromSeconds(10) + Wait);

        var message = Assert.Single(second.Outbox.All());
        Assert.Equal(Start + TimeSpan.FromSeconds(10) + Wait, message.CreatedAt);
        Assert.NotNull(message.DeliveredAt);
    }

    [Fact]
    public void ResolvedWhileDown_ResolutionSentAfterRestart_Once()
    {
        var alert = TestAlerts.Firing(1, Start);
        using (var first = Process().StartAll())
        {
            _book.Publish(alert);
            first.AdvanceTo(TimeSpan.FromMinutes(1));
        }

        _scheduler.AdvanceTo((Start + TimeSpan.FromMinutes(30)).UtcTicks);
        _book.Put(alert.Resolved(_scheduler.Now));
        using (var second = Process().StartAll())
        {
            second.AdvanceTo(TimeSpan.FromMinutes(40));
            var resolved = Assert.Single(second.Channel(ReceiverKind.Webhook).Attempts);
            Assert.Equal((Start + TimeSpan.FromMinutes(30), "resolved"), (resolved.At, resolved.Notification.Status));
            Assert.Empty(second.Dispatcher.GroupKeys());
        }

        using var third = Process().StartAll();
        third.AdvanceTo(TimeSpan.FromHours(10));
        Assert.Empty(third.Channel(ReceiverKind.Webhook).Attempts);
        Assert.Equal(["firing", "resolved"], third.Outbox.All().Select(r => r.Notification.Status));
    }

    [Fact]
    public void EscalatedBeforeRestart_NotEscalatedAgain()
    {
        var options = EscalationTests.Options();
        using (var first = Process(options).StartAll())
        {
            _book.Publish(TestAlerts.Firing(1, Start));
            first.AdvanceTo(TimeSpan.FromMinutes(20));
            Assert.Equal(["wecom-front", "dingtalk-middle"], first.Outbox.All().Select(r => r.Receiver));
        }

        using var second = Process(options).StartAll();
        second.AdvanceTo(TimeSpan.FromMinutes(40));

        Assert.Equal(2, second.Outbox.All().Count);
        Assert.Single(_book.Recorded, e => e.Action == "escalated");
        second.AdvanceTo(TimeSpan.FromMinutes(46));
        Assert.Equal(["wecom-front", "dingtalk-middle", "feishu-back"], second.Outbox.All().Select(r => r.Receiver));
    }

    [Fact]
    public void ChangePublishedWhileTheSnapshotIsTaken_OlderThanTheSnapshot_IsSkipped()
    {
        var firing = TestAlerts.Firing(1, Start);
        _book.Put(firing.Resolved(Start + TimeSpan.FromSeconds(5)));
        _scheduler.AdvanceTo((Start + TimeSpan.FromSeconds(5)).UtcTicks);
        _book.WhileSnapshotting = () => _book.Emit(firing);

        using var process = Process().StartAll();
        process.AdvanceTo(TimeSpan.FromHours(1));

        Assert.Empty(process.Outbox.All());
    }

    [Fact]
    public void ChangePublishedWhileTheSnapshotIsTaken_NewerThanTheSnapshot_IsApplied()
    {
        var firing = TestAlerts.Firing(1, Start);
        _book.Put(firing);
        _scheduler.AdvanceTo((Start + TimeSpan.FromSeconds(5)).UtcTicks);
        _book.WhileSnapshotting = () => _book.Emit(firing.Resolved(Start + TimeSpan.FromSeconds(5)));

        using var process = Process().StartAll();
        process.AdvanceTo(TimeSpan.FromHours(1));

        Assert.Empty(process.Outbox.All());
        Assert.Empty(process.Dispatcher.GroupKeys());
    }

    private AlertingHarness Process(AlertingOptions? options = null) => new(_dir.Path, options ?? _options, _scheduler, _book);
}
