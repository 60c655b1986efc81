using System.Collections.Immutable;
using System.Reactive;
using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Security.Cryptography;
using Cockpit.Alerting.Storage;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Silences;

/// <summary>
/// The silences: validated, stored in SQLite before they take effect, and kept in memory for matching. Publishes
/// <see cref="Changed"/> when a silence is created or expired and when one starts or ends on its own (timers on the
/// scheduler), so the alert book re-marks the alerts.
/// </summary>
public sealed class SilenceBook : ISilenceBook, IDisposable
{
    /// <summary>Longest silence accepted: longer ones are forgotten mutes, not decisions.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(30);

    private const int MaxCommentLength = 2000;

    private readonly Lock _lock = new();
    private readonly SilenceStore _store;
    private readonly IScheduler _scheduler;
    private readonly Subject<Unit> _changed = new();
    private readonly List<IDisposable> _timers = [];
    private ImmutableList<Silence> _silences;

    public SilenceBook(AlertingDatabase database, IScheduler scheduler, IOptions<AlertingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = new SilenceStore(database);
        _scheduler = scheduler;
        var now = scheduler.Now;
        _store.DeleteEndedBefore(now - options.Value.Retention);
        _silences = [.. _store.Load(now - options.Value.Retention)];
        foreach (var silence in _silences)
        {
            ScheduleEdges(silence);
        }
    }

    /// <summary>A silence was created, expired, started or ended: alerts must be re-marked.</summary>
    public IObservable<Unit> Changed => _changed;

    public IReadOnlyList<Silence> List() => Volatile.Read(ref _silences);

    public Silence? Find(string id) => List().FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    /// <summary>The ids of the silences active now that match <paramref name="labels"/>.</summary>
    public IReadOnlyList<string> Matching(IReadOnlyDictionary<string, string> labels, DateTimeOffset now)
    {
        List<string>? ids = null;
        foreach (var silence in List())
        {
            if (silence.IsActiveAt(now) && LabelMatcher.All(silence.Matchers, labels))
            {
                (ids ??= []).Add(silence.Id);
            }
        }

        return ids ?? (IReadOnlyList<string>)[];
    }

    public SilenceResult Create(SilenceRequest request, string author)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _scheduler.Now;
        var start = request.StartsAt ?? now;
        var errors = new List<string>();
        if (request.Matchers is not { Count: > 0 })
        {
            errors.Add("A silence needs at least one matcher (e.g. region=tianhe); an empty one would mute everything.");
        }
        else if (request.Matchers.All(m => m.Matches(new Dictionary<string, string>())))
        {
            errors.Add("These matchers also match an alert without any labels, so they would mute everything; add one that must equal a value.");
        }

        if (request.EndsAt <= start)
        {
            errors.Add($"The end ({request.EndsAt:O}) must be after the start ({start:O}).");
        }
        else if (request.EndsAt - start > MaxDuration)
        {
            errors.Add($"A silence may last at most {MaxDuration.TotalDays:0} days.");
        }

        if (request.EndsAt <= now)
        {
            errors.Add("The end is in the past.");
        }

        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            errors.Add("A comment is required: say why, for the next person on call.");
        }
        else if (request.Comment.Length > MaxCommentLength)
        {
            errors.Add($"The comment is longer than {MaxCommentLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(author))
        {
            errors.Add("The author is missing.");
        }

        if (errors.Count > 0)
        {
            return new SilenceResult(null, errors.Distinct().ToList());
        }

        var silence = new Silence(NewId(), [.. request.Matchers!], start, request.EndsAt, author, request.Comment.Trim(), now);
        lock (_lock)
        {
            _store.Save(silence);
            _silences = _silences.Insert(0, silence);
            ScheduleEdges(silence);
        }

        _changed.OnNext(Unit.Default);
        return new SilenceResult(silence, []);
    }

    public bool Expire(string id, string actor)
    {
        lock (_lock)
        {
            var now = _scheduler.Now;
            var silence = _silences.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal));
            if (silence is null || silence.EndsAt <= now)
            {
                return false;
            }

            // A silence that has not started yet ends at its start: it never was active.
            var expired = silence with { EndsAt = now < silence.StartsAt ? silence.StartsAt : now, ExpiredBy = actor };
            _store.Save(expired);
            _silences = _silences.Replace(silence, expired);
        }

        _changed.OnNext(Unit.Default);
        return true;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _timers.ForEach(t => t.Dispose());
            _timers.Clear();
        }

        _changed.Dispose();
    }

    // Alerts must be re-marked when a silence starts and when it ends by itself.
    private void ScheduleEdges(Silence silence)
    {
        var now = _scheduler.Now;
        foreach (var edge in new[] { silence.StartsAt, silence.EndsAt })
        {
            if (edge > now)
            {
                _timers.Add(_scheduler.Schedule(edge, () => _changed.OnNext(Unit.Default)));
            }
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
