using Cockpit.Alerting.Model;

namespace Cockpit.Alerting.Dispatch;

/// <summary>Start-up: groups come back from <c>notification_groups</c> and are reconciled with the book's snapshot.</summary>
internal sealed partial class NotificationDispatcher
{
    private void Restore(StoredGroup state, DateTimeOffset now)
    {
        var timers = _router.Find(state.Route)?.Timers ?? _router.DefaultTimers;
        var group = new NotificationGroup(state.Key, state.Route, state.Receiver, state.Level, state.Team, state.GroupLabels, timers, now)
        {
            Announced = [.. state.Announced],
            LastSentAt = state.LastSentAt,
            Stored = true,
        };
        group.RestoredUnseen.UnionWith(state.Announced);
        _groups[group.Key] = group;
    }

    /// <summary>
    /// After the snapshot: an announced alert that resolved while Cockpit was down owes its resolution; one the book
    /// no longer knows is dropped. Open ones that have not rejoined (acknowledged, silenced, escalation not re-run yet)
    /// stay announced.
    /// </summary>
    private void SettleRestored()
    {
        foreach (var group in _groups.Values.Where(g => g.RestoredUnseen.Count > 0).ToList())
        {
            foreach (var id in group.RestoredUnseen.ToList())
            {
                var alert = _alerts.GetValueOrDefault(id) ?? _book.Find(id);
                if (alert is null)
                {
                    group.RestoredUnseen.Remove(id);
                    group.Announced.Remove(id);
                }
                else if (alert.Status == AlertStatus.Resolved)
                {
                    _alerts.TryAdd(id, alert);
                    group.RestoredUnseen.Remove(id);
                    group.PendingResolved.Add(id);
                    group.Changed = true;
                }
            }
        }

        foreach (var group in _groups.Values.ToList())
        {
            Touch(group);
        }
    }
}
