using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Cockpit.Alerting.Model;

namespace Cockpit.Alerting.Dispatch;

/// <summary>Escalation: an alert still firing and unacknowledged some time after it fired also goes to the next level's receivers.</summary>
internal sealed partial class NotificationDispatcher
{
    // Per alert: the escalation levels it reached in its current episode, and the timers for the ones to come.
    private readonly Dictionary<long, HashSet<(string Route, int Level)>> _escalated = [];
    private readonly Dictionary<long, CompositeDisposable> _escalationTimers = [];

    /// <summary>The groups an alert belongs in: its routes' receivers, plus each escalation level it reached.</summary>
    private List<GroupTarget> Targets(AlertRecord alert, IReadOnlyList<NotificationRoute> routes)
    {
        var targets = new List<GroupTarget>();
        foreach (var route in routes)
        {
            targets.AddRange(route.Receivers.Select(r => new GroupTarget(route, r, 0, route.Team)));
        }

        if (_escalated.TryGetValue(alert.Id, out var levels))
        {
            foreach (var (name, level) in levels.OrderBy(l => l.Level).ThenBy(l => l.Route, StringComparer.Ordinal))
            {
                if (_router.Find(name) is { } route && level <= route.Escalation.Count)
                {
                    var escalation = route.Escalation[level - 1];
                    targets.AddRange(escalation.Receivers.Select(r => new GroupTarget(route, r, level, escalation.Team)));
                }
            }
        }

        return targets;
    }

    /// <summary>
    /// Schedules each level of the alert's routes at <c>FiredAt + After</c> (clock time; a level already due runs at
    /// once, e.g. after a restart), unless this episode's timers are already set.
    /// </summary>
    private void ScheduleEscalations(AlertRecord alert, IReadOnlyList<NotificationRoute> routes, DateTimeOffset firedAt)
    {
        if (_escalationTimers.ContainsKey(alert.Id))
        {
            return;
        }

        var timers = new CompositeDisposable();
        foreach (var route in routes)
        {
            for (var i = 0; i < route.Escalation.Count; i++)
            {
                var level = i + 1;
                var due = firedAt + route.Escalation[i].After;
                timers.Add(_scheduler.Schedule(due, () => OnEscalationDue(alert.Id, route, level, firedAt)));
            }
        }

        _escalationTimers[alert.Id] = timers;
    }

    /// <summary>Stops the alert's pending levels; <paramref name="forgetLevels"/> when its episode ended (resolved or re-fired).</summary>
    private void CancelEscalations(long alertId, bool forgetLevels)
    {
        if (_escalationTimers.Remove(alertId, out var timers))
        {
            timers.Dispose();
        }

        if (forgetLevels)
        {
            _escalated.Remove(alertId);
        }
    }

    private void CancelAllEscalations()
    {
        foreach (var timers in _escalationTimers.Values)
        {
            timers.Dispose();
        }

        _escalationTimers.Clear();
    }

    private void OnEscalationDue(long alertId, NotificationRoute route, int level, DateTimeOffset firedAt)
    {
        lock (_gate)
        {
            try
            {
                Escalate(alertId, route, level, firedAt);
            }
            catch (Exception e)
            {
                DispatchLog.EscalationFailed(_logger, e, alertId, level);
            }
        }
    }

    private void Escalate(long alertId, NotificationRoute route, int level, DateTimeOffset firedAt)
    {
        if (!_running || !_alerts.TryGetValue(alertId, out var alert) || alert.FiredAt != firedAt || alert.Status != AlertStatus.Firing)
        {
            return;
        }

        if (!alert.Notifiable)
        {
            DispatchLog.EscalationSkipped(_logger, alertId, level, route.Name);
            return;
        }

        if (!_escalated.TryGetValue(alertId, out var levels))
        {
            levels = [];
            _escalated[alertId] = levels;
        }

        if (!levels.Add((route.Name, level)))
        {
            return;
        }

        var escalation = route.Escalation[level - 1];
        var labels = GroupKey.GroupLabels(alert.Labels, route.GroupBy);
        var known = escalation.Receivers.All(r =>
            _groups.TryGetValue(GroupKey.For(route.Name, r, level, labels), out var group) && group.RestoredUnseen.Contains(alertId));
        if (!known)
        {
            // After a restart the level's groups may already have announced it: then it was escalated before.
            var receivers = string.Join(", ", escalation.Receivers);
            Record(alertId, "escalated", $"level {level} of route {route.Name}: team {escalation.Team}, receivers {receivers}");
            DispatchLog.Escalated(_logger, alertId, level, route.Name, escalation.Team, receivers);
        }

        Join(alert, _router.Match(alert.Labels), _scheduler.Now);
    }
}
