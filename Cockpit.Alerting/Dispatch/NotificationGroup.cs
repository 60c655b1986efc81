using Cockpit.Alerting.Model;

namespace Cockpit.Alerting.Dispatch;

/// <summary>
/// One group's state in the dispatcher: the notifiable firing alerts in it now, the ids it has announced as firing,
/// the announced ones resolved since its last message, and when it last sent. Only the dispatcher touches it, under
/// its lock.
/// </summary>
internal sealed class NotificationGroup(
    string key, string route, string receiver, int level, string team, IReadOnlyDictionary<string, string> groupLabels, GroupTimers timers, DateTimeOffset createdAt)
{
    private IDisposable? _timer;

    public string Key { get; } = key;

    public string Route { get; } = route;

    public string Receiver { get; } = receiver;

    /// <summary>0 for the route's receivers, n for the n-th escalation level.</summary>
    public int Level { get; } = level;

    public string Team { get; } = team;

    public IReadOnlyDictionary<string, string> GroupLabels { get; } = groupLabels;

    public GroupTimers Timers { get; } = timers;

    /// <summary>When its first alert joined (group wait counts from here).</summary>
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Notifiable firing alerts now in the group, by id.</summary>
    public Dictionary<long, AlertRecord> Firing { get; } = [];

    /// <summary>Alert ids the group has told its receiver are firing (until it has told them they resolved).</summary>
    public HashSet<long> Announced { get; set; } = [];

    /// <summary>Announced alerts that resolved since the last message; each goes out once.</summary>
    public HashSet<long> PendingResolved { get; } = [];

    /// <summary>
    /// Announced ids reloaded after a restart and not seen firing since: when they show up firing again they rejoin
    /// quietly, since the receiver already knows about them.
    /// </summary>
    public HashSet<long> RestoredUnseen { get; } = [];

    /// <summary>When the last message went to the outbox; null before the first.</summary>
    public DateTimeOffset? LastSentAt { get; set; }

    /// <summary>Something changed since the last message (a new firing alert, a resolution).</summary>
    public bool Changed { get; set; }

    /// <summary>Storing a message failed; not tried again before this.</summary>
    public DateTimeOffset? BlockedUntil { get; set; }

    /// <summary>The group has a row in <c>notification_groups</c>.</summary>
    public bool Stored { get; set; }

    /// <summary>When the pending timer fires, or null.</summary>
    public DateTimeOffset? TimerDue { get; private set; }

    /// <summary>When the next message is due by the group timers, or null when none is.</summary>
    public DateTimeOffset? NextFlushAt()
    {
        DateTimeOffset? due;
        if (LastSentAt is not { } sent)
        {
            due = Firing.Count > 0 ? CreatedAt + Timers.Wait : null;
        }
        else if (Changed)
        {
            due = sent + Timers.Interval;
        }
        else
        {
            due = Firing.Count > 0 ? sent + Timers.Repeat : null;
        }

        return due is { } at && BlockedUntil is { } blocked && blocked > at ? blocked : due;
    }

    /// <summary>Nothing left to tell: no firing alerts, none announced, no resolution to send.</summary>
    public bool IsDone => Firing.Count == 0 && Announced.Count == 0 && PendingResolved.Count == 0;

    public void SetTimer(DateTimeOffset due, IDisposable timer)
    {
        _timer?.Dispose();
        _timer = timer;
        TimerDue = due;
    }

    public void CancelTimer()
    {
        _timer?.Dispose();
        _timer = null;
        TimerDue = null;
    }
}
