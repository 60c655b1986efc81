using System.Collections.Immutable;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;
using Cockpit.Alerting.Storage;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Reactive;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Lifecycle;

/// <summary>
/// The alerts and their lifecycle (pending → firing → acknowledged → resolved), one alert per fingerprint. Detection's
/// signals and people's commands change them; every change is stored in SQLite (with the history line that explains
/// it) before it is published on <see cref="Changes"/>. Pending alerts live in memory only: they are frequent, and
/// nobody is told about them. Also marks alerts as silenced and inhibited, and holds flapping alerts as firing.
/// </summary>
public sealed partial class AlertBook : IAlertBook, IAlertSignalSink, IDisposable
{
    private const int MaxNoteLength = 4000;

    private readonly Lock _lock = new();
    private readonly AlertStore _store;
    private readonly SilenceBook _silences;
    private readonly IScheduler _scheduler;
    private readonly AlertingOptions _options;
    private readonly TimeSpan _uiThrottle;
    private readonly ILogger<AlertBook> _logger;
    private readonly IReadOnlyList<InhibitRule> _inhibitRules;
    private readonly Subject<AlertRecord> _changes = new();

    // Notes and history lines change no alert (so they are not on Changes, which notifications follow) but open pages
    // show them: they only wake SubscribeThrottled.
    private readonly Subject<long> _annotated = new();
    private readonly Dictionary<string, AlertEntry> _byFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<long, AlertEntry> _byId = [];
    private readonly IDisposable _silenceChanges;
    private readonly IDisposable _retention;
    private IDisposable? _restartGrace;
    private ImmutableArray<AlertRecord>? _snapshot;
    private long _nextId;

    public AlertBook(
        AlertingDatabase database,
        SilenceBook silences,
        IScheduler scheduler,
        IOptions<AlertingOptions> options,
        ILogger<AlertBook> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = new AlertStore(database);
        _silences = silences;
        _scheduler = scheduler;
        _options = options.Value;
        _uiThrottle = _options.UiPushInterval;
        _logger = logger;
        _inhibitRules = InhibitRule.Compile(_options.InhibitRules);
        _nextId = _store.MaxId();
        Load();
        _silenceChanges = _silences.Changed.Subscribe(_ => Remark());
        _retention = _scheduler.SchedulePeriodic(TimeSpan.FromHours(1), ApplyRetention);
    }

    public IObservable<AlertRecord> Changes => _changes;

    public IReadOnlyList<AlertRecord> Snapshot()
    {
        lock (_lock)
        {
            _snapshot ??= [.. _byFingerprint.Values.Select(e => e.Record)
                .Where(r => r.Status != AlertStatus.Resolved || r.FireCount > 0)
                .OrderBy(r => r.IsOpen ? 0 : 1).ThenByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)];
            return _snapshot.Value;
        }
    }

    /// <summary>Calls <paramref name="onChanged"/> (on the scheduler) at once after a quiet spell, then at most once per UI throttle interval while changes keep coming (for the dashboard).</summary>
    public IDisposable SubscribeThrottled(Action onChanged) =>
        _changes.Select(_ => 0L).Merge(_annotated).Coalesce(_uiThrottle, _scheduler).Subscribe(_ => onChanged());

    public AlertRecord? Find(long id)
    {
        lock (_lock)
        {
            if (_byId.TryGetValue(id, out var entry))
            {
                return entry.Record;
            }
        }

        return _store.FindById(id)?.Alert;
    }

    public void Accept(AlertSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        lock (_lock)
        {
            var now = _scheduler.Now;
            var entry = Entry(signal.Fingerprint);
            if (signal.Pending)
            {
                OnPending(entry, signal, now);
            }
            else if (signal.Firing)
            {
                OnFiring(entry, signal, now);
            }
            else
            {
                OnRecovered(entry, signal, now);
            }
        }
    }

    public AlertCommandResult Acknowledge(long id, string actor)
    {
        lock (_lock)
        {
            var now = _scheduler.Now;
            if (!_byId.TryGetValue(id, out var entry))
            {
                return Closed(id);
            }

            var alert = entry.Record;
            switch (alert.Status)
            {
                case AlertStatus.Acknowledged:
                    return AlertCommandResult.Done(alert);
                case AlertStatus.Pending:
                    return AlertCommandResult.Conflict(alert, "The alert is pending: it has not fired yet, so there is nothing to acknowledge.");
                case AlertStatus.Resolved:
                    return AlertCommandResult.Conflict(alert, "The alert is already resolved.");
            }

            var acked = alert with { Status = AlertStatus.Acknowledged, AcknowledgedBy = actor, AcknowledgedAt = now };
            Commit(entry, acked, now, History(id, now, actor, "acknowledged", ""));
            LogAcknowledged(id, alert.Rule, actor);
            return AlertCommandResult.Done(entry.Record);
        }
    }

    public AlertCommandResult Resolve(long id, string actor)
    {
        lock (_lock)
        {
            var now = _scheduler.Now;
            if (!_byId.TryGetValue(id, out var entry))
            {
                return Closed(id);
            }

            var alert = entry.Record;
            if (alert.Status == AlertStatus.Resolved)
            {
                return AlertCommandResult.Conflict(alert, "The alert is already resolved.");
            }

            if (alert.Status == AlertStatus.Pending)
            {
                return AlertCommandResult.Conflict(alert, "The alert is pending: it clears by itself unless it fires.");
            }

            ResolveEntry(entry, now, actor, "resolved", "resolved by hand; it reopens if its rule fires again", endsAt: now, resolvedBy: actor);
            return AlertCommandResult.Done(entry.Record);
        }
    }

    public AlertCommandResult AddNote(long id, string author, string text)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return AlertCommandResult.Invalid("The note is empty.");
        }

        if (text.Length > MaxNoteLength)
        {
            return AlertCommandResult.Invalid($"The note is longer than {MaxNoteLength} characters.");
        }

        var alert = Find(id);
        if (alert is null)
        {
            return AlertCommandResult.NotFound(id);
        }

        if (alert.Status == AlertStatus.Pending && alert.FireCount == 0)
        {
            return AlertCommandResult.Conflict(alert, "The alert is pending and has never fired; notes go on alerts that fired.");
        }

        AlertNote note;
        lock (_lock)
        {
            note = _store.AddNote(new AlertNote(0, id, _scheduler.Now, author, text));
        }

        _annotated.OnNext(id);
        return AlertCommandResult.Done(alert) with { Note = note };
    }

    public IReadOnlyList<AlertHistoryEntry> History(long id) => _store.History(id);

    public IReadOnlyList<AlertNote> Notes(long id) => _store.Notes(id);

    public void Record(long id, string actor, string action, string detail)
    {
        _store.AppendHistory(new AlertHistoryEntry(id, _scheduler.Now, actor, action, detail));
        _annotated.OnNext(id);
    }

    public void Dispose()
    {
        _silenceChanges.Dispose();
        _retention.Dispose();
        lock (_lock)
        {
            _restartGrace?.Dispose();
            foreach (var entry in _byFingerprint.Values)
            {
                entry.FlapTimer?.Dispose();
            }
        }

        _changes.Dispose();
        _annotated.Dispose();
        _store.Dispose();
    }

    private void OnPending(AlertEntry? entry, AlertSignal signal, DateTimeOffset now)
    {
        if (entry is not null && entry.Record.IsOpen)
        {
            return; // already pending, or firing (a held flapping alert starting a new run changes nothing)
        }

        var pending = entry is null
            ? NewRecord(signal, now)
            : Observed(entry.Record, signal, now) with
            {
                Status = AlertStatus.Pending,
                Severity = signal.Severity,
                StartsAt = signal.Time,
                EndsAt = null,
                FiredAt = null,
                AcknowledgedBy = null,
                AcknowledgedAt = null,
                ResolvedBy = null,
                Flapping = false,
            };
        if (entry is null)
        {
            entry = new AlertEntry(pending, []);
            Add(entry);
        }
        else
        {
            entry.BeforePending = entry.Record;
        }

        Commit(entry, pending, now, persist: false);
    }

    private void OnFiring(AlertEntry? entry, AlertSignal signal, DateTimeOffset now)
    {
        var actor = "rule:" + signal.Rule;
        if (entry is not null && entry.Record.Status is AlertStatus.Firing or AlertStatus.Acknowledged)
        {
            var open = entry.Record;
            entry.Unconfirmed = false;
            var history = new List<AlertHistoryEntry>();
            if (!entry.ConditionHolds)
            {
                // A flapping alert held as firing fires again: still one alert, still not news.
                entry.ConditionHolds = true;
                entry.FlapTimer?.Dispose();
                entry.FlapTimer = null;
                RecordFire(entry, now);
                history.Add(History(open.Id, now, actor, "fired", "fired again while flapping; not notified"));
            }

            var severity = (AlertSeverity)Math.Max((int)open.Severity, (int)signal.Severity);
            if (severity != open.Severity)
            {
                history.Add(History(open.Id, now, actor, "escalated", $"{Name(open.Severity)} → {Name(severity)}: {signal.Summary}") with { Facts = signal.Facts });
            }

            Commit(entry, Observed(open, signal, now) with { Severity = severity }, now, [.. history]);
            return;
        }

        var startsAt = entry?.Record.Status == AlertStatus.Pending ? entry.Record.StartsAt : signal.Time;
        if (entry is null)
        {
            entry = new AlertEntry(NewRecord(signal, now), []);
            Add(entry);
        }

        var before = entry.BeforePending ?? entry.Record;
        entry.BeforePending = null;
        entry.ConditionHolds = true;
        RecordFire(entry, now);
        var flapping = entry.FireTimes.Count >= _options.Flapping.Fires;
        var fired = Observed(entry.Record, signal, now) with
        {
            Status = AlertStatus.Firing,
            Severity = signal.Severity,
            StartsAt = startsAt,
            EndsAt = null,
            FiredAt = now,
            AcknowledgedBy = null,
            AcknowledgedAt = null,
            ResolvedBy = null,
            Flapping = flapping,
            FireCount = before.FireCount + 1,
        };
        var lines = new List<AlertHistoryEntry>
        {
            History(fired.Id, now, actor, "fired", fired.FireCount == 1 ? signal.Summary : $"fired again (time {fired.FireCount}): {signal.Summary}") with { Facts = signal.Facts },
        };
        if (flapping)
        {
            lines.Add(History(fired.Id, now, "system", "flapping",
                $"fired {entry.FireTimes.Count} times within {Span(_options.Flapping.Window)}: held as firing, not notified again until it stays recovered for {Span(_options.Flapping.Window)}"));
        }

        Commit(entry, fired, now, [.. lines]);
        LogFired(fired.Id, fired.Rule, fired.Severity, fired.Summary);
    }

    private void OnRecovered(AlertEntry? entry, AlertSignal signal, DateTimeOffset now)
    {
        if (entry is null || entry.Record.Status == AlertStatus.Resolved)
        {
            return;
        }

        if (entry.Record.Status == AlertStatus.Pending)
        {
            var restored = entry.BeforePending ?? entry.Record with { Status = AlertStatus.Resolved, EndsAt = signal.Time, ChangedAt = now };
            entry.BeforePending = null;
            Commit(entry, restored, now, persist: false);
            if (restored.FireCount == 0)
            {
                Remove(entry);
            }

            return;
        }

        var actor = "rule:" + signal.Rule;
        if (entry.Record.Flapping)
        {
            if (entry.ConditionHolds)
            {
                entry.ConditionHolds = false;
                var fingerprint = entry.Record.Fingerprint;
                entry.FlapTimer = _scheduler.Schedule(_options.Flapping.Window, () => EndFlapping(fingerprint));
                Commit(entry, Observed(entry.Record, signal, now), now,
                    History(entry.Record.Id, now, actor, "recovered", $"recovered, but held as firing while flapping: {signal.Summary}") with { Facts = signal.Facts });
            }

            return;
        }

        ResolveEntry(entry, now, actor, "resolved", signal.Summary, endsAt: signal.Time, resolvedBy: null, signal);
    }

    private void EndFlapping(string fingerprint)
    {
        lock (_lock)
        {
            if (_byFingerprint.TryGetValue(fingerprint, out var entry) && entry.Record.IsOpen && !entry.ConditionHolds)
            {
                var now = _scheduler.Now;
                ResolveEntry(entry, now, "system", "resolved", $"stayed recovered for {Span(_options.Flapping.Window)} after flapping", endsAt: entry.Record.UpdatedAt, resolvedBy: null);
            }
        }
    }

    private void ResolveEntry(AlertEntry entry, DateTimeOffset now, string actor, string action, string detail, DateTimeOffset endsAt, string? resolvedBy, AlertSignal? signal = null)
    {
        entry.FlapTimer?.Dispose();
        entry.FlapTimer = null;
        entry.ConditionHolds = true;
        entry.Unconfirmed = false;
        var alert = signal is null ? entry.Record : Observed(entry.Record, signal, now);
        var resolved = alert with { Status = AlertStatus.Resolved, EndsAt = endsAt, ResolvedBy = resolvedBy, Flapping = false };
        Commit(entry, resolved, now, History(alert.Id, now, actor, action, detail) with { Facts = signal?.Facts });
        LogResolved(alert.Id, alert.Rule, actor);
        TrimResolved();
    }

    // Stores (unless pending) and publishes one alert's change, then re-marks the others it may inhibit or release.
    private void Commit(AlertEntry entry, AlertRecord changed, DateTimeOffset now, params AlertHistoryEntry[] history) =>
        Commit(entry, changed, now, persist: true, history);

    private void Commit(AlertEntry entry, AlertRecord changed, DateTimeOffset now, bool persist, params AlertHistoryEntry[] history)
    {
        var marked = Marked(changed with { ChangedAt = now }, now, Sources(), out var markLines);
        var statusChanged = marked.Status != entry.Record.Status;
        if (persist || (marked.Status != AlertStatus.Pending && marked.FireCount > 0))
        {
            _store.Save(marked, entry.FireTimes, [.. history, .. markLines]);
        }

        entry.Record = marked;
        _snapshot = null;
        _changes.OnNext(marked);
        if (statusChanged && _inhibitRules.Count > 0)
        {
            RemarkLocked(now);
        }
    }

    private void Remark()
    {
        lock (_lock)
        {
            RemarkLocked(_scheduler.Now);
        }
    }

    // Silences start and end, and inhibiting alerts come and go: every open alert's marks are worked out again.
    private void RemarkLocked(DateTimeOffset now)
    {
        var sources = Sources();
        foreach (var entry in _byFingerprint.Values.Where(e => e.Record.IsOpen).ToList())
        {
            var marked = Marked(entry.Record, now, sources, out var lines);
            if (lines.Count == 0)
            {
                continue;
            }

            marked = marked with { ChangedAt = now };
            if (marked.Status != AlertStatus.Pending)
            {
                _store.Save(marked, entry.FireTimes, lines);
            }

            entry.Record = marked;
            _snapshot = null;
            _changes.OnNext(marked);
        }
    }

    // The alerts that can inhibit others (firing or acknowledged), with their labels worked out once.
    private List<(AlertRecord Alert, IReadOnlyDictionary<string, string> Labels)> Sources() =>
        _inhibitRules.Count == 0
            ? []
            : [.. _byFingerprint.Values.Select(e => e.Record)
                .Where(r => r.Status is AlertStatus.Firing or AlertStatus.Acknowledged)
                .OrderBy(r => r.Id)
                .Select(r => (r, r.Labels))];

    // The alert with its silence and inhibition marks as of now, and the history lines for marks that changed.
    private AlertRecord Marked(AlertRecord alert, DateTimeOffset now, List<(AlertRecord Alert, IReadOnlyDictionary<string, string> Labels)> sources, out List<AlertHistoryEntry> lines)
    {
        lines = [];
        if (!alert.IsOpen)
        {
            return alert;
        }

        var labels = alert.Labels;
        var silencedBy = _silences.Matching(labels, now);

        // The oldest active source that inhibits it is named as the likely cause.
        AlertRecord? cause = null;
        foreach (var (source, sourceLabels) in sources)
        {
            if (_inhibitRules.Any(rule => rule.Inhibits(source, sourceLabels, alert, labels)))
            {
                cause = source;
                break;
            }
        }

        var likelyCause = cause is null ? null : $"likely caused by alert {cause.Id}: {cause.Summary}";
        if (!silencedBy.SequenceEqual(alert.SilencedBy))
        {
            lines.Add(History(alert.Id, now, "system", silencedBy.Count > 0 ? "silenced" : "unsilenced",
                silencedBy.Count > 0 ? "by silence " + string.Join(", ", silencedBy) : "no active silence matches any more"));
        }

        if (cause?.Id != alert.InhibitedBy)
        {
            lines.Add(History(alert.Id, now, "system", cause is null ? "uninhibited" : "inhibited",
                likelyCause ?? "the alert that inhibited it is no longer active"));
        }

        return lines.Count == 0 ? alert : alert with { SilencedBy = silencedBy, InhibitedBy = cause?.Id, LikelyCause = likelyCause };
    }

    private AlertEntry? Entry(string fingerprint)
    {
        if (_byFingerprint.TryGetValue(fingerprint, out var entry))
        {
            return entry;
        }

        if (_store.FindByFingerprint(fingerprint) is not { } stored)
        {
            return null;
        }

        entry = new AlertEntry(stored.Alert, stored.FireTimes);
        Add(entry);
        return entry;
    }

    private void Add(AlertEntry entry)
    {
        _byFingerprint[entry.Record.Fingerprint] = entry;
        _byId[entry.Record.Id] = entry;
        _snapshot = null;
    }

    private void Remove(AlertEntry entry)
    {
        _byFingerprint.Remove(entry.Record.Fingerprint);
        _byId.Remove(entry.Record.Id);
        _snapshot = null;
    }

    private AlertRecord NewRecord(AlertSignal signal, DateTimeOffset now) => new()
    {
        Id = ++_nextId,
        Fingerprint = signal.Fingerprint,
        Rule = signal.Rule,
        Measurement = signal.Measurement,
        Tags = new SortedDictionary<string, string>(signal.Tags.ToDictionary(), StringComparer.Ordinal),
        Severity = signal.Severity,
        Status = AlertStatus.Pending,
        Summary = signal.Summary,
        Facts = signal.Facts,
        Value = signal.Value,
        Expected = signal.Expected,
        Score = signal.Score,
        StartsAt = signal.Time,
        UpdatedAt = signal.Time,
        ChangedAt = now,
    };

    private static AlertRecord Observed(AlertRecord alert, AlertSignal signal, DateTimeOffset now) => alert with
    {
        Summary = signal.Summary,
        Facts = signal.Facts,
        Value = signal.Value,
        Expected = signal.Expected,
        Score = signal.Score,
        UpdatedAt = signal.Time,
        ChangedAt = now,
    };

    // Firings older than the flap window do not count; the list never grows beyond what the window holds.
    private void RecordFire(AlertEntry entry, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var windowMs = (long)_options.Flapping.Window.TotalMilliseconds;
        entry.FireTimes.RemoveAll(t => nowMs - t >= windowMs);
        entry.FireTimes.Add(nowMs);
    }

    private void Load()
    {
        var now = _scheduler.Now;
        var unconfirmed = 0;
        foreach (var (alert, fireTimes) in _store.LoadRecent(_options.RecentResolved))
        {
            var entry = new AlertEntry(alert, fireTimes) { Unconfirmed = alert.IsOpen };
            unconfirmed += alert.IsOpen ? 1 : 0;
            Add(entry);
        }

        if (unconfirmed > 0)
        {
            LogUnconfirmed(unconfirmed, _options.RestartGrace);
            _restartGrace = _scheduler.Schedule(_options.RestartGrace, ResolveUnconfirmed);
        }

        RemarkLocked(now);
    }

    // Detection started afresh and never fired these again: their condition is not known to hold any more.
    private void ResolveUnconfirmed()
    {
        lock (_lock)
        {
            var now = _scheduler.Now;
            foreach (var entry in _byFingerprint.Values.Where(e => e.Unconfirmed && e.Record.IsOpen).ToList())
            {
                ResolveEntry(entry, now, "system", "resolved",
                    $"not confirmed by its rule within {Span(_options.RestartGrace)} after a restart", endsAt: now, resolvedBy: null);
            }
        }
    }

    private void TrimResolved()
    {
        var resolved = _byFingerprint.Values.Where(e => !e.Record.IsOpen).ToList();
        if (resolved.Count <= _options.RecentResolved)
        {
            return;
        }

        foreach (var entry in resolved.OrderBy(e => e.Record.ChangedAt).Take(resolved.Count - _options.RecentResolved))
        {
            Remove(entry);
        }
    }

    private void ApplyRetention()
    {
        try
        {
            lock (_lock)
            {
                var deleted = _store.DeleteResolvedBefore(_scheduler.Now - _options.Retention);
                if (deleted > 0)
                {
                    LogRetention(deleted);
                }
            }
        }
        catch (Exception ex)
        {
            LogRetentionFailed(ex);
        }
    }

    private AlertCommandResult Closed(long id) =>
        _store.FindById(id) is { } stored
            ? AlertCommandResult.Conflict(stored.Alert, "The alert is already resolved.")
            : AlertCommandResult.NotFound(id);

    private static AlertHistoryEntry History(long id, DateTimeOffset at, string actor, string action, string detail) =>
        new(id, at, actor, action, detail);

    private static string Name(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Span(TimeSpan span) =>
        span >= TimeSpan.FromHours(1) && span.TotalHours % 1 == 0 ? span.TotalHours.ToString("0", CultureInfo.InvariantCulture) + " h"
        : span >= TimeSpan.FromMinutes(1) ? span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min"
        : span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Alert {Id} ({Rule}) fired, {Severity}: {Summary}")]
    private partial void LogFired(long id, string rule, AlertSeverity severity, string summary);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Alert {Id} ({Rule}) resolved by {Actor}")]
    private partial void LogResolved(long id, string rule, string actor);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Alert {Id} ({Rule}) acknowledged by {Actor}")]
    private partial void LogAcknowledged(long id, string rule, string actor);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "{Count} alerts were open before the restart; each is resolved unless its rule fires it again within {Grace}")]
    private partial void LogUnconfirmed(int count, TimeSpan grace);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Retention deleted {Count} resolved alerts with their history and notes")]
    private partial void LogRetention(int count);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Alert retention failed")]
    private partial void LogRetentionFailed(Exception exception);
}
