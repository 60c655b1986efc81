using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Alerting.Lifecycle;

public sealed class AlertBookLifecycleTests : IDisposable
{
    private readonly AlertBookHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Story(long id) => string.Join(" | ", _h.Book.History(id).Select(e => $"{(e.At - Points.Monday).TotalMinutes}m {e.Actor} {e.Action}"));

    [Fact]
    public void PendingFiringAcknowledgedResolved_EachChangeRecordedWithWhoAndWhen()
    {
        _h.Pending();
        var pending = _h.Only();
        Assert.Equal(AlertStatus.Pending, pending.Status);
        Assert.Null(pending.FiredAt);

        _h.Scheduler.Advance(TimeSpan.FromMinutes(1));
        _h.Fire();
        var firing = _h.Only();
        Assert.Equal((pending.Id, AlertStatus.Firing, 1), (firing.Id, firing.Status, firing.FireCount));
        Assert.Equal(Points.Monday, firing.StartsAt); // the condition started when it went pending
        Assert.Equal(Points.Monday.AddMinutes(1), firing.FiredAt);

        _h.Scheduler.Advance(TimeSpan.FromMinutes(4));
        var ack = _h.Book.Acknowledge(firing.Id, "li.wei");
        Assert.Equal(AlertCommandOutcome.Done, ack.Outcome);
        Assert.Equal(("li.wei", Points.Monday.AddMinutes(5)), (ack.Alert!.AcknowledgedBy, ack.Alert.AcknowledgedAt!.Value));

        _h.Scheduler.Advance(TimeSpan.FromMinutes(10));
        _h.Recover();
        var resolved = _h.Only();
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.Null(resolved.ResolvedBy); // it recovered by itself
        Assert.Equal(Points.Monday.AddMinutes(15), resolved.EndsAt);
        Assert.Equal("1m rule:complaint-surge fired | 5m li.wei acknowledged | 15m rule:complaint-surge resolved", Story(firing.Id));
        Assert.Equal([AlertStatus.Pending, AlertStatus.Firing, AlertStatus.Acknowledged, AlertStatus.Resolved], _h.Changes.Select(c => c.Status));
    }

    [Fact]
    public void PendingThatClears_VanishesAndIsNeverStored()
    {
        _h.Pending();
        var id = _h.Only().Id;
        _h.Recover();

        Assert.Empty(_h.Book.Snapshot());
        Assert.Null(_h.Book.Find(id));
        using var restarted = _h.Restart();
        Assert.Empty(restarted.Book.Snapshot());
    }

    [Fact]
    public void OneAlertPerFingerprint_RetriggerUpdatesAndRefireReopensTheSameAlert()
    {
        _h.Fire(score: 0.8);
        _h.Scheduler.Advance(TimeSpan.FromMinutes(1));
        _h.Fire(severity: AlertSeverity.Critical, score: 0.95);
        var escalated = _h.Only();
        Assert.Equal((AlertSeverity.Critical, 0.95, 1), (escalated.Severity, escalated.Score, escalated.FireCount));

        _h.Scheduler.Advance(TimeSpan.FromMinutes(1));
        _h.Recover();
        _h.Scheduler.Advance(TimeSpan.FromHours(2));
        _h.Fire();

        var reopened = _h.Only();
        Assert.Equal((escalated.Id, AlertStatus.Firing, 2, AlertSeverity.Warning), (reopened.Id, reopened.Status, reopened.FireCount, reopened.Severity));
        Assert.Null(reopened.EndsAt);
        Assert.Equal("0m rule:complaint-surge fired | 1m rule:complaint-surge escalated | 2m rule:complaint-surge resolved | 122m rule:complaint-surge fired", Story(reopened.Id));
        Assert.Contains("fired again (time 2)", _h.Book.History(reopened.Id)[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SeparateFingerprints_AreSeparateAlerts()
    {
        _h.Fire(region: "tianhe");
        _h.Fire(region: "liwan");
        _h.Fire(rule: "network-outage", region: "tianhe");

        Assert.Equal(3, _h.Book.Snapshot().Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void ResolveByHand_RecordsWhoAndTheRuleReopensItLater()
    {
        _h.Fire();
        var id = _h.Only().Id;
        _h.Scheduler.Advance(TimeSpan.FromMinutes(3));

        var result = _h.Book.Resolve(id, "wang.fang");

        Assert.Equal(AlertCommandOutcome.Done, result.Outcome);
        Assert.Equal((AlertStatus.Resolved, "wang.fang", Points.Monday.AddMinutes(3)), (result.Alert!.Status, result.Alert.ResolvedBy, result.Alert.EndsAt!.Value));
        _h.Recover(); // the rule's own recovery later changes nothing
        Assert.Equal("wang.fang", _h.Only().ResolvedBy);
        _h.Fire();
        Assert.Equal((id, AlertStatus.Firing), (_h.Only().Id, _h.Only().Status));
        Assert.Null(_h.Only().ResolvedBy);
    }

    [Fact]
    public void Commands_OnUnknownResolvedOrPendingAlerts_SayWhy()
    {
        Assert.Equal(AlertCommandOutcome.NotFound, _h.Book.Acknowledge(99, "x").Outcome);
        Assert.Equal(AlertCommandOutcome.NotFound, _h.Book.Resolve(99, "x").Outcome);
        Assert.Equal(AlertCommandOutcome.NotFound, _h.Book.AddNote(99, "x", "hello").Outcome);

        _h.Pending();
        var pending = _h.Only().Id;
        Assert.Equal(AlertCommandOutcome.Conflict, _h.Book.Acknowledge(pending, "x").Outcome);

        _h.Fire();
        Assert.Equal(AlertCommandOutcome.Done, _h.Book.Acknowledge(pending, "a").Outcome);
        Assert.Equal(AlertCommandOutcome.Done, _h.Book.Acknowledge(pending, "b").Outcome); // idempotent: still a's
        Assert.Equal("a", _h.Only().AcknowledgedBy);
        _h.Recover();

        var ack = _h.Book.Acknowledge(pending, "x");
        Assert.Equal(AlertCommandOutcome.Conflict, ack.Outcome);
        Assert.Contains("already resolved", ack.Error, StringComparison.Ordinal);
        Assert.Equal(AlertCommandOutcome.Conflict, _h.Book.Resolve(pending, "x").Outcome);
    }

    [Fact]
    public void Notes_StoredAsPlainTextInOrderAndValidated()
    {
        _h.Fire();
        var id = _h.Only().Id;
        const string Evil = "<img src=x onerror=alert(1)> **bold**";

        Assert.Equal(AlertCommandOutcome.Done, _h.Book.AddNote(id, "li.wei", "  called the district office  ").Outcome);
        _h.Scheduler.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertCommandOutcome.Done, _h.Book.AddNote(id, "wang.fang", Evil).Outcome);
        Assert.Equal(AlertCommandOutcome.Invalid, _h.Book.AddNote(id, "x", "   ").Outcome);
        Assert.Equal(AlertCommandOutcome.Invalid, _h.Book.AddNote(id, "x", new string('a', 4001)).Outcome);

        var notes = _h.Book.Notes(id);
        Assert.Equal(["li.wei: called the district office", "wang.fang: " + Evil], notes.Select(n => n.Author + ": " + n.Text));
        Assert.Equal(Points.Monday.AddMinutes(1), notes[1].At);
        Assert.Equal("note", _h.Book.History(id)[^1].Action);
    }

    [Fact]
    public void Flapping_HeldAsFiringInsteadOfResolvingAndRefiring_ResolvesOnceQuietForTheWindow()
    {
        // Fires at 0, 10 and 20 min: the third firing within an hour makes it flap.
        for (var i = 0; i < 3; i++)
        {
            _h.Fire();
            _h.Scheduler.Advance(TimeSpan.FromMinutes(5));
            if (i < 2)
            {
                _h.Recover();
                _h.Scheduler.Advance(TimeSpan.FromMinutes(5));
            }
        }

        var flapping = _h.Only();
        Assert.True(flapping.Flapping);
        Assert.Equal((AlertStatus.Firing, 3), (flapping.Status, flapping.FireCount));
        var statusChanges = _h.Changes.Count(c => c.Status != AlertStatus.Pending);

        // Recover and re-fire four more times: held as one firing alert, no status change reaches subscribers.
        for (var i = 0; i < 4; i++)
        {
            _h.Recover();
            _h.Scheduler.Advance(TimeSpan.FromMinutes(10));
            _h.Fire();
            _h.Scheduler.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.All(_h.Changes.Skip(statusChanges), c => Assert.Equal(AlertStatus.Firing, c.Status));
        Assert.Equal((AlertStatus.Firing, true, 3), (_h.Only().Status, _h.Only().Flapping, _h.Only().FireCount));

        // Quiet for 59 minutes: still held; at 60 it resolves, and is no longer flapping.
        _h.Recover();
        _h.Scheduler.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(AlertStatus.Firing, _h.Only().Status);
        _h.Scheduler.Advance(TimeSpan.FromMinutes(1));
        var resolved = _h.Only();
        Assert.Equal((AlertStatus.Resolved, false), (resolved.Status, resolved.Flapping));
        Assert.Contains("stayed recovered for 1 h after flapping", _h.Book.History(resolved.Id)[^1].Detail, StringComparison.Ordinal);
        Assert.Contains(_h.Book.History(resolved.Id), e => e.Action == "flapping");
    }

    [Fact]
    public void Flapping_FiringsSpreadWiderThanTheWindow_IsNotFlapping()
    {
        for (var i = 0; i < 5; i++)
        {
            _h.Fire();
            _h.Scheduler.Advance(TimeSpan.FromMinutes(20));
            _h.Recover();
            _h.Scheduler.Advance(TimeSpan.FromMinutes(20));
        }

        Assert.DoesNotContain(_h.Changes, c => c.Flapping);
        Assert.Equal((AlertStatus.Resolved, 5), (_h.Only().Status, _h.Only().FireCount));
    }
}
