namespace Cockpit.Tests.Alerting.Lifecycle;

/// <summary>What wakes open pages: alert changes, and notes and history lines, which change no alert and notify nobody.</summary>
public sealed class AlertBookPushTests : IDisposable
{
    private readonly AlertBookHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void NoteAndHistoryLine_WakeOpenPages_ButAreNoAlertChange()
    {
        _h.Fire();
        var id = _h.Only().Id;
        var pushes = 0;
        using var _ = _h.Book.SubscribeThrottled(() => pushes++);
        _h.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        var changes = _h.Changes.Count;

        _h.Book.AddNote(id, "li.wei", "called the district office");
        _h.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        Assert.Equal(1, pushes);

        _h.Book.Record(id, "dispatcher", "notified", "sent to wecom-oncall");
        _h.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);
        Assert.Equal(2, pushes);

        Assert.Equal(changes, _h.Changes.Count);
    }

    [Fact]
    public void RefusedNote_WakesNobody()
    {
        _h.Fire();
        var pushes = 0;
        using var _ = _h.Book.SubscribeThrottled(() => pushes++);

        _h.Book.AddNote(_h.Only().Id, "li.wei", "   ");
        _h.Scheduler.AdvanceBy(TimeSpan.FromSeconds(1).Ticks);

        Assert.Equal(0, pushes);
    }
}
