using Cockpit.Alerting.Model;
using Microsoft.Data.Sqlite;

namespace Cockpit.Alerting.Dispatch;

/// <summary>A group's message: built, stored in one transaction with the group's state, handed to delivery, recorded.</summary>
internal sealed partial class NotificationDispatcher
{
    /// <summary>Builds the group's message and stores it with the group's new state in one transaction, then wakes delivery.</summary>
    private void Flush(NotificationGroup group, DateTimeOffset now)
    {
        var firing = group.Firing.Values.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).ToList();
        var resolved = group.PendingResolved.Select(id => _alerts.GetValueOrDefault(id)).OfType<AlertRecord>()
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id).ToList();
        if (firing.Count == 0 && resolved.Count == 0)
        {
            group.Changed = false;
            group.Announced.ExceptWith(group.PendingResolved);
            group.PendingResolved.Clear();
            return;
        }

        var announced = new HashSet<long>(group.Announced);
        announced.ExceptWith(group.PendingResolved);
        announced.UnionWith(firing.Select(a => a.Id));
        var notification = NotificationBuilder.Build(group, firing, resolved, now, _options.ExternalUrl, _options.LanguageOf(group.Receiver));
        var state = announced.Count == 0
            ? null
            : new StoredGroup(group.Key, group.Route, group.Receiver, group.Level, group.Team, group.GroupLabels, now, announced);
        long id;
        try
        {
            id = _store.Commit(notification, state);
        }
        catch (SqliteException e)
        {
            group.BlockedUntil = now + StoreRetry;
            DispatchLog.StoreFailed(_logger, e, group.Key, group.BlockedUntil.Value);
            return;
        }

        group.Announced = announced;
        group.PendingResolved.Clear();
        group.LastSentAt = now;
        group.Changed = false;
        group.BlockedUntil = null;
        group.Stored = state is not null;
        _status.RecordQueued();
        _outbox.Wake(id);
        DispatchLog.Queued(_logger, id, group.Receiver, notification.Status, firing.Count, resolved.Count, group.Key);
        var to = group.Level == 0 ? group.Receiver : $"{group.Receiver} (escalation level {group.Level})";
        foreach (var alert in notification.Alerts)
        {
            Record(alert.AlertId, "notified", $"{alert.Status} to {to}, message {id}");
        }

        foreach (var alert in resolved)
        {
            ForgetIfUnused(alert.Id);
        }
    }
}
