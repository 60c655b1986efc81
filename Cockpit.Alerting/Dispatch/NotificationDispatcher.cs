using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Dispatch;

/// <summary>
/// Turns the alert book's changes into messages: routes each alert, groups it per (route, receiver, escalation level,
/// group-by label values), runs the group wait / group interval / repeat interval timers and the escalation timers on
/// the injected scheduler, and puts each message into the outbox in one transaction with its group's new state.
/// </summary>
/// <remarks>
/// The book publishes on its writer's thread; <see cref="OnChange"/> only queues the record and asks the scheduler to
/// drain the queue, so the writer never waits for this class's lock or its SQLite writes. Everything else runs under
/// one lock. A change that only touches an alert's value, score, summary or flapping mark is not news: only an alert
/// joining a group (firing and notifiable, again after a silence or inhibition ended) or an announced alert resolving
/// makes the group send before its repeat interval.
/// </remarks>
internal sealed partial class NotificationDispatcher : IHostedService, IDisposable
{
    private const string System = "system";
    private static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(30);

    private readonly IAlertBook _book;
    private readonly AlertRouter _router;
    private readonly NotificationGroupStore _store;
    private readonly NotificationOutbox _outbox;
    private readonly NotificationStatus _status;
    private readonly IScheduler _scheduler;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly AlertingOptions _options;
    private readonly Lock _gate = new();
    private readonly ConcurrentQueue<AlertRecord> _inbox = new();
    private readonly Dictionary<long, AlertRecord> _alerts = [];
    private readonly Dictionary<string, NotificationGroup> _groups = new(StringComparer.Ordinal);
    private IDisposable? _subscription;
    private Dictionary<long, DateTimeOffset>? _snapshotTimes;
    private bool _running;
    private int _drainRequested;

    public NotificationDispatcher(
        IAlertBook book,
        AlertRouter router,
        NotificationGroupStore store,
        NotificationOutbox outbox,
        NotificationStatus status,
        IScheduler scheduler,
        IOptions<AlertingOptions> options,
        ILogger<NotificationDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _book = book;
        _router = router;
        _store = store;
        _outbox = outbox;
        _status = status;
        _scheduler = scheduler;
        _logger = logger;
        _options = options.Value;
    }

    /// <summary>The groups now held, by key (for tests and diagnostics).</summary>
    internal IReadOnlyList<string> GroupKeys()
    {
        lock (_gate)
        {
            return [.. _groups.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>Reloads the groups' state, subscribes to the book and takes its snapshot.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_running)
            {
                return Task.CompletedTask;
            }

            _running = true;
            var now = _scheduler.Now;
            var stored = _store.Load();
            foreach (var state in stored)
            {
                Restore(state, now);
            }

            // Subscribed before the snapshot: a change in between is queued, and skipped in the first drain when the
            // snapshot already has a later state of that alert.
            _subscription = _book.Changes.Subscribe(OnChange);
            var snapshot = _book.Snapshot();
            _snapshotTimes = snapshot.ToDictionary(a => a.Id, a => a.ChangedAt);
            foreach (var alert in snapshot.OrderBy(a => a.ChangedAt).ThenBy(a => a.Id))
            {
                Apply(alert, now);
            }

            SettleRestored();
            DispatchLog.Started(_logger, _options.Routes.Count, _options.Receivers.Count, stored.Count);
        }

        RequestDrain();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Halt();
        return Task.CompletedTask;
    }

    public void Dispose() => Halt();

    private void Halt()
    {
        lock (_gate)
        {
            _running = false;
            _subscription?.Dispose();
            _subscription = null;
            foreach (var group in _groups.Values)
            {
                group.CancelTimer();
            }

            CancelAllEscalations();
        }
    }

    private void OnChange(AlertRecord alert)
    {
        _inbox.Enqueue(alert);
        RequestDrain();
    }

    private void RequestDrain()
    {
        if (Interlocked.Exchange(ref _drainRequested, 1) == 0)
        {
            _scheduler.Schedule(Drain);
        }
    }

    private void Drain()
    {
        Interlocked.Exchange(ref _drainRequested, 0);
        lock (_gate)
        {
            var now = _scheduler.Now;
            var snapshotTimes = _snapshotTimes;
            _snapshotTimes = null;
            while (_inbox.TryDequeue(out var alert))
            {
                // The first drain holds what was published while the snapshot was taken; the snapshot already has it.
                if (!_running || (snapshotTimes is not null && snapshotTimes.TryGetValue(alert.Id, out var seen) && alert.ChangedAt < seen))
                {
                    continue;
                }

                try
                {
                    Apply(alert, now);
                }
                catch (Exception e)
                {
                    // On the scheduler's thread an escaping exception would end the process; one bad change must not.
                    DispatchLog.ChangeFailed(_logger, e, alert.Id);
                }
            }
        }
    }

    private void Apply(AlertRecord alert, DateTimeOffset now)
    {
        var previous = _alerts.GetValueOrDefault(alert.Id);
        _alerts[alert.Id] = alert;
        if (previous is null || previous.FiredAt != alert.FiredAt || alert.Status == AlertStatus.Resolved)
        {
            CancelEscalations(alert.Id, forgetLevels: true);
        }

        var routes = _router.Match(alert.Labels);
        var enteredFiring = alert.Status == AlertStatus.Firing && previous?.Status != AlertStatus.Firing;
        if (enteredFiring && routes.Count == 0)
        {
            _status.RecordUnrouted();
            DispatchLog.Unrouted(_logger, alert.Id, alert.Fingerprint);
        }

        Join(alert, routes, now);
        if (alert.Status == AlertStatus.Resolved)
        {
            AnnounceResolution(alert.Id);
            ForgetIfUnused(alert.Id);
        }
        else if (alert.Status == AlertStatus.Firing && alert.FiredAt is { } firedAt)
        {
            ScheduleEscalations(alert, routes, firedAt);
        }
        else
        {
            CancelEscalations(alert.Id, forgetLevels: false);
        }
    }

    /// <summary>Puts a notifiable alert into the groups of its routes (and escalation levels), and takes it out of any other.</summary>
    private void Join(AlertRecord alert, IReadOnlyList<NotificationRoute> routes, DateTimeOffset now)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (alert.Notifiable)
        {
            foreach (var target in Targets(alert, routes))
            {
                var labels = GroupKey.GroupLabels(alert.Labels, target.Route.GroupBy);
                var key = GroupKey.For(target.Route.Name, target.Receiver, target.Level, labels);
                keys.Add(key);
                if (!_groups.TryGetValue(key, out var group))
                {
                    group = new NotificationGroup(key, target.Route.Name, target.Receiver, target.Level, target.Team, labels, target.Route.Timers, now);
                    _groups[key] = group;
                }

                var joined = !group.Firing.ContainsKey(alert.Id);
                group.Firing[alert.Id] = alert;
                if (joined)
                {
                    group.PendingResolved.Remove(alert.Id);
                    if (!group.RestoredUnseen.Remove(alert.Id))
                    {
                        group.Changed = true;
                    }

                    Touch(group);
                }
            }
        }

        foreach (var group in _groups.Values.Where(g => g.Firing.ContainsKey(alert.Id) && !keys.Contains(g.Key)).ToList())
        {
            group.Firing.Remove(alert.Id);
            Touch(group);
        }
    }

    private void AnnounceResolution(long alertId)
    {
        foreach (var group in _groups.Values.Where(g => g.Announced.Contains(alertId)).ToList())
        {
            group.RestoredUnseen.Remove(alertId);
            group.PendingResolved.Add(alertId);
            group.Changed = true;
            Touch(group);
        }
    }

    /// <summary>Removes a finished group, or (re)schedules its timer for when its next message is due.</summary>
    private void Touch(NotificationGroup group)
    {
        if ((group.LastSentAt is null && group.Firing.Count == 0 && group.PendingResolved.Count == 0) || (group.LastSentAt is not null && group.IsDone))
        {
            Remove(group);
            return;
        }

        var due = group.NextFlushAt();
        if (due is null)
        {
            group.CancelTimer();
        }
        else if (group.TimerDue != due)
        {
            group.SetTimer(due.Value, _scheduler.Schedule(due.Value, () => OnGroupDue(group)));
        }
    }

    private void Remove(NotificationGroup group)
    {
        group.CancelTimer();
        _groups.Remove(group.Key);
        if (!group.Stored)
        {
            return;
        }

        try
        {
            _store.Delete(group.Key);
        }
        catch (SqliteException e)
        {
            DispatchLog.DeleteFailed(_logger, e, group.Key);
        }
    }

    private void OnGroupDue(NotificationGroup group)
    {
        lock (_gate)
        {
            if (!_running || !_groups.TryGetValue(group.Key, out var current) || !ReferenceEquals(current, group))
            {
                return;
            }

            group.CancelTimer();
            var now = _scheduler.Now;
            try
            {
                if (group.NextFlushAt() is { } due && due <= now)
                {
                    Flush(group, now);
                }

                if (_groups.ContainsKey(group.Key))
                {
                    Touch(group);
                }
            }
            catch (Exception e)
            {
                // Kept for the next change or start-up rather than ending the process from a timer thread.
                DispatchLog.GroupFailed(_logger, e, group.Key);
            }
        }
    }

    private void ForgetIfUnused(long alertId)
    {
        if (_alerts.TryGetValue(alertId, out var alert) && alert.Status == AlertStatus.Resolved
            && !_groups.Values.Any(g => g.Announced.Contains(alertId) || g.PendingResolved.Contains(alertId) || g.Firing.ContainsKey(alertId)))
        {
            _alerts.Remove(alertId);
        }
    }

    private void Record(long alertId, string action, string detail)
    {
        try
        {
            _book.Record(alertId, System, action, detail);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or ArgumentException)
        {
            DispatchLog.RecordFailed(_logger, e, action, alertId);
        }
    }
}
