using System.Collections.Immutable;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Alerts;

/// <summary>
/// The alerts raised so far: one open alert per fingerprint (a re-trigger updates it), resolved ones kept
/// up to a bound. Readers get immutable snapshots; UI subscribers get throttled change notifications.
/// </summary>
public sealed class AlertFeed : IDisposable
{
    /// <summary>Resolved alerts kept in memory; older ones are dropped first.</summary>
    public const int MaxResolved = 500;

    private readonly Lock _lock = new();
    private readonly Subject<Alert> _changes = new();
    private readonly IScheduler _scheduler;
    private readonly TimeSpan _throttle;
    private ImmutableList<Alert> _alerts = [];
    private long _nextId;

    public AlertFeed(IScheduler scheduler, IOptions<DetectionOptions> options)
    {
        _scheduler = scheduler;
        _throttle = options.Value.UiThrottle;
    }

    /// <summary>Every change, unthrottled, as it happens (for the alerting layer).</summary>
    public IObservable<Alert> Changes => _changes;

    /// <summary>The current alerts, newest first.</summary>
    public IReadOnlyList<Alert> Snapshot() => Volatile.Read(ref _alerts);

    /// <summary>Calls <paramref name="onChanged"/> at most once per UI throttle interval after changes.</summary>
    public IDisposable Subscribe(Action onChanged) =>
        _changes.Sample(_throttle, _scheduler).Subscribe(_ => onChanged());

    /// <summary>Applies a rule's signal: opens, updates or resolves the alert of its fingerprint.</summary>
    public Alert? Apply(AlertSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Alert? changed;
        lock (_lock)
        {
            var fingerprint = signal.Fingerprint;
            var open = _alerts.Find(a => a.State == AlertState.Firing && string.Equals(a.Fingerprint, fingerprint, StringComparison.Ordinal));
            if (signal.Firing)
            {
                changed = open is null
                    ? NewAlert(signal, fingerprint)
                    : WithObservation(open, signal) with
                    {
                        Severity = (AlertSeverity)Math.Max((int)open.Severity, (int)signal.Severity),
                    };
            }
            else
            {
                changed = open is null
                    ? null
                    : WithObservation(open, signal) with { State = AlertState.Resolved, ResolvedAt = signal.Time };
            }

            if (changed is null)
            {
                return null;
            }

            var list = open is null ? _alerts.Insert(0, changed) : _alerts.Replace(open, changed);
            Volatile.Write(ref _alerts, Trim(list));
        }

        _changes.OnNext(changed);
        return changed;
    }

    public void Dispose() => _changes.Dispose();

    private Alert NewAlert(AlertSignal signal, string fingerprint) => new()
    {
        Id = "A" + Interlocked.Increment(ref _nextId).ToString("D6", CultureInfo.InvariantCulture),
        Fingerprint = fingerprint,
        Rule = signal.Rule,
        Measurement = signal.Measurement,
        Tags = signal.Tags,
        Severity = signal.Severity,
        State = AlertState.Firing,
        Summary = signal.Summary,
        Value = signal.Value,
        Expected = signal.Expected,
        Score = signal.Score,
        StartedAt = signal.Time,
        UpdatedAt = signal.Time,
    };

    // What every signal updates on its open alert, whether it keeps it firing or resolves it.
    private static Alert WithObservation(Alert alert, AlertSignal signal) => alert with
    {
        Summary = signal.Summary,
        Value = signal.Value,
        Expected = signal.Expected,
        Score = signal.Score,
        UpdatedAt = signal.Time,
    };

    private static ImmutableList<Alert> Trim(ImmutableList<Alert> alerts)
    {
        var resolved = alerts.Count(a => a.State == AlertState.Resolved);
        if (resolved <= MaxResolved)
        {
            return alerts;
        }

        // Drop the oldest resolved alerts (the list is newest first).
        var builder = alerts.ToBuilder();
        for (var i = builder.Count - 1; i >= 0 && resolved > MaxResolved; i--)
        {
            if (builder[i].State == AlertState.Resolved)
            {
                builder.RemoveAt(i);
                resolved--;
            }
        }

        return builder.ToImmutable();
    }
}
