using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;

namespace Cockpit.Tests.Web.Alerts;

/// <summary>
/// The real book, counting the throttled subscriptions that are still open (to see pages dispose theirs), and
/// failing its reads on demand (to see a failed live refresh logged instead of thrown on the scheduler).
/// </summary>
public sealed class CountingAlertBook(IAlertBook inner) : IAlertBook
{
    private int _open;

    public int OpenSubscriptions => Volatile.Read(ref _open);

    /// <summary>While true, <see cref="Snapshot"/>, <see cref="Find"/>, <see cref="History"/> and <see cref="Notes"/> throw.</summary>
    public bool FailReads { get; set; }

    public IObservable<AlertRecord> Changes => inner.Changes;

    public IDisposable SubscribeThrottled(Action onChanged)
    {
        var subscription = inner.SubscribeThrottled(onChanged);
        Interlocked.Increment(ref _open);
        return new Counted(this, subscription);
    }

    public IReadOnlyList<AlertRecord> Snapshot() => FailReads ? throw Failure() : inner.Snapshot();

    public AlertRecord? Find(long id) => FailReads ? throw Failure() : inner.Find(id);

    public AlertCommandResult Acknowledge(long id, string actor) => inner.Acknowledge(id, actor);

    public AlertCommandResult Resolve(long id, string actor) => inner.Resolve(id, actor);

    public AlertCommandResult AddNote(long id, string author, string text) => inner.AddNote(id, author, text);

    public IReadOnlyList<AlertHistoryEntry> History(long id) => FailReads ? throw Failure() : inner.History(id);

    public IReadOnlyList<AlertNote> Notes(long id) => FailReads ? throw Failure() : inner.Notes(id);

    public void Record(long id, string actor, string action, string detail) => inner.Record(id, actor, action, detail);

    private static InvalidOperationException Failure() => new("the database is gone");

    private sealed class Counted(CountingAlertBook owner, IDisposable inner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._open);
                inner.Dispose();
            }
        }
    }
}
