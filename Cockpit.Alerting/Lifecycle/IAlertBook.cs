using Cockpit.Alerting.Model;

namespace Cockpit.Alerting.Lifecycle;

/// <summary>
/// The alerts and their lifecycle: what the API, the dashboard and the notification dispatcher read and command.
/// Every change is written to SQLite before it is published.
/// </summary>
public interface IAlertBook
{
    /// <summary>Every change to an alert, in order, after it was stored. Subscribers must be quick and must not block.</summary>
    IObservable<AlertRecord> Changes { get; }

    /// <summary>The alerts (open ones and recently resolved ones), newest first.</summary>
    IReadOnlyList<AlertRecord> Snapshot();

    /// <summary>Calls <paramref name="onChanged"/> (on the scheduler) at once after a quiet spell, then at most once per UI throttle interval while changes keep coming (for the dashboard).</summary>
    IDisposable SubscribeThrottled(Action onChanged);

    /// <summary>The alert with that id (open or resolved, from memory or the database), or null.</summary>
    AlertRecord? Find(long id);

    /// <summary>Takes a firing alert: stops repeats and escalation until it resolves.</summary>
    AlertCommandResult Acknowledge(long id, string actor);

    /// <summary>Resolves an open alert by hand.</summary>
    AlertCommandResult Resolve(long id, string actor);

    /// <summary>Adds a plain-text note to an alert (any state).</summary>
    AlertCommandResult AddNote(long id, string author, string text);

    /// <summary>The alert's recorded changes, oldest first.</summary>
    IReadOnlyList<AlertHistoryEntry> History(long id);

    /// <summary>The alert's notes, oldest first.</summary>
    IReadOnlyList<AlertNote> Notes(long id);

    /// <summary>Records something another part did to an alert (e.g. the dispatcher notified or escalated it).</summary>
    void Record(long id, string actor, string action, string detail);
}
