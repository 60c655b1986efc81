using System.Reactive.Subjects;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>
/// An in-memory <see cref="IAlertBook"/>: tests publish the alert states the real book would, and read what the
/// dispatcher recorded in the history. Publishes synchronously, like the real one.
/// </summary>
public sealed class FakeAlertBook : IAlertBook, IDisposable
{
    private readonly Subject<AlertRecord> _changes = new();
    private readonly Dictionary<long, AlertRecord> _alerts = [];
    private readonly List<AlertHistoryEntry> _history = [];

    public IObservable<AlertRecord> Changes => _changes;

    public IDisposable SubscribeThrottled(Action onChanged) => _changes.Subscribe(_ => onChanged());

    /// <summary>Everything written through <see cref="Record"/>, in order.</summary>
    public IReadOnlyList<AlertHistoryEntry> Recorded
    {
        get
        {
            lock (_history)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Stores the alert's new state and publishes it.</summary>
    public AlertRecord Publish(AlertRecord alert)
    {
        lock (_alerts)
        {
            _alerts[alert.Id] = alert;
        }

        _changes.OnNext(alert);
        return alert;
    }

    /// <summary>Stores a state without publishing it (what happened while the dispatcher was down).</summary>
    public void Put(AlertRecord alert)
    {
        lock (_alerts)
        {
            _alerts[alert.Id] = alert;
        }
    }

    /// <summary>Runs after a snapshot is taken, before it is returned: what the writer published meanwhile.</summary>
    public Action? WhileSnapshotting { get; set; }

    public IReadOnlyList<AlertRecord> Snapshot()
    {
        List<AlertRecord> snapshot;
        lock (_alerts)
        {
            snapshot = [.. _alerts.Values.OrderByDescending(a => a.ChangedAt)];
        }

        WhileSnapshotting?.Invoke();
        return snapshot;
    }

    /// <summary>Publishes a state without storing it (a change the stored state has already moved past).</summary>
    public void Emit(AlertRecord alert) => _changes.OnNext(alert);

    public AlertRecord? Find(long id)
    {
        lock (_alerts)
        {
            return _alerts.GetValueOrDefault(id);
        }
    }

    public AlertCommandResult Acknowledge(long id, string actor) => throw new NotSupportedException("Tests publish the acknowledged state.");

    public AlertCommandResult Resolve(long id, string actor) => throw new NotSupportedException("Tests publish the resolved state.");

    public AlertCommandResult AddNote(long id, string author, string text) => throw new NotSupportedException();

    public IReadOnlyList<AlertHistoryEntry> History(long id) => [.. Recorded.Where(e => e.AlertId == id)];

    public IReadOnlyList<AlertNote> Notes(long id) => [];

    public void Record(long id, string actor, string action, string detail)
    {
        lock (_history)
        {
            _history.Add(new AlertHistoryEntry(id, default, actor, action, detail));
        }
    }

    public void Dispose() => _changes.Dispose();
}
