using System.Reactive.Subjects;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// The streaming core of detection: routes each point to the subjects of the rules that watch it, scores it (or its
/// bucket) with their detectors and steps their alerts, emitting every scored value on <see cref="Scores"/> and every
/// alert change on <see cref="Signals"/>. Per point, no polling; only silence and eviction are judged on
/// <see cref="Sweep"/>, which the caller runs on its scheduler.
/// <para>
/// Late points: a point older than the newest one a per-point subject has scored, or older than a bucketed subject's
/// open bucket, is counted in <see cref="DetectionEngineStatus.LatePoints"/> and not scored — learnt state only ever
/// moves forward in event time. The store keeps every point regardless.
/// </para>
/// <para>
/// Bounded: at most <see cref="DetectionOptions.MaxSubjects"/> subjects and as many routed series; subjects and series
/// idle for <see cref="DetectionOptions.IdleTimeout"/> are evicted. Not thread-safe: one stream feeds one engine.
/// </para>
/// </summary>
public sealed class DetectionEngine : IDisposable
{
    private CompiledRule[] _rules;
    private readonly DetectionOptions _options;
    private readonly IDetectorFactory _factory;
    private readonly PartitionFilter _partition;
    private readonly Dictionary<(SeriesKey Series, string Field), Route> _routes = [];
    private readonly Dictionary<string, DetectionSubject> _subjects = new(StringComparer.Ordinal);
    private readonly DetectorContext _context = new();
    private readonly Subject<ScoredValue> _scores = new();
    private readonly Subject<AlertSignal> _signals = new();
    private readonly Subject<AlertSignal> _pending = new();
    private readonly long _idleNs;
    private readonly long _silenceForgetNs;
    private long _points;
    private long _scored;
    private long _late;
    private long _skipped;
    private long _refused;
    private long _evicted;

    /// <summary>Creates an engine for the rules of <paramref name="options"/> with the production detectors.</summary>
    public DetectionEngine(DetectionOptions options)
        : this(options, new DetectorFactory())
    {
    }

    internal DetectionEngine(DetectionOptions options, IDetectorFactory factory, IEnumerable<DetectionRuleOptions>? rules = null)
    {
        _options = options;
        _factory = factory;
        _rules = Compile(rules ?? options.Rules);
        _partition = new PartitionFilter(options.PartitionCount, options.PartitionIndex);
        _idleNs = UnixTime.ToNanos(options.IdleTimeout);
        _silenceForgetNs = UnixTime.ToNanos(options.SilenceForgetAfter);
    }

    /// <summary>Every value a rule scored, as it is scored.</summary>
    public IObservable<ScoredValue> Scores => _scores;

    /// <summary>Alerts firing, escalating and resolving.</summary>
    public IObservable<AlertSignal> Signals => _signals;

    /// <summary>
    /// Alerts going pending (<see cref="AlertSignal.Pending"/>: the first anomalous value of a run that has not fired yet)
    /// and pending alerts clearing (a non-firing, non-pending signal). Kept apart from <see cref="Signals"/> because they
    /// are frequent and only worth showing, never notifying.
    /// </summary>
    public IObservable<AlertSignal> PendingSignals => _pending;

    /// <summary>Counters and sizes, as of now.</summary>
    public DetectionEngineStatus Status => new()
    {
        Points = _points,
        ScoredValues = _scored,
        LatePoints = _late,
        SkippedPoints = _skipped,
        RefusedSubjects = _refused,
        EvictedSubjects = _evicted,
        Subjects = _subjects.Count,
        RoutedSeries = _routes.Count,
    };

    /// <summary>Bytes of detector state over every subject (for the memory benchmark).</summary>
    public long DetectorBytes => _subjects.Values.Sum(s => (long)s.DetectorBytes);

    /// <summary>Feeds one point that arrived at <paramref name="arrivalNs"/> (scheduler time, Unix nanoseconds).</summary>
    public void Observe(in MetricPoint point, long arrivalNs)
    {
        _points++;
        if (!_routes.TryGetValue((point.Series, point.Field), out var route))
        {
            if (_routes.Count >= _options.MaxSubjects)
            {
                _skipped++;
                return;
            }

            route = new Route(Subscribe(point.Series, point.Field));
            _routes.Add((point.Series, point.Field), route);
        }

        route.LastArrivalNs = arrivalNs;
        foreach (var subject in route.Subjects)
        {
            Feed(subject, point.TimestampNs, point.Value, string.Equals(subject.Rule.Divisor, point.Field, StringComparison.Ordinal), arrivalNs);
        }
    }

    /// <summary>Judges silence and evicts idle subjects and series, at <paramref name="nowNs"/> (scheduler time).</summary>
    public void Sweep(long nowNs)
    {
        foreach (var (key, subject) in _subjects)
        {
            if (subject.Silence is { } silence)
            {
                var reading = silence.Evaluate(nowNs);
                if (reading.HasOpinion)
                {
                    Step(subject, nowNs, reading.Up, double.NaN, reading);
                }

                if (!subject.Alert.Firing && nowNs - subject.LastArrivalNs > _silenceForgetNs)
                {
                    _subjects.Remove(key);
                    _evicted++;
                }
            }
            else if (nowNs - subject.LastArrivalNs > _idleNs)
            {
                // Nobody will send the value that would resolve it: resolve it now rather than leave it firing forever.
                if (subject.Alert.Pending)
                {
                    _pending.OnNext(AlertSignals.Forgotten(subject, nowNs, _options.IdleTimeout));
                }
                else if (subject.Alert.Resolve() == AlertTransition.Resolved)
                {
                    _signals.OnNext(AlertSignals.Forgotten(subject, nowNs, _options.IdleTimeout));
                }

                _subjects.Remove(key);
                _evicted++;
            }
        }

        foreach (var (key, route) in _routes)
        {
            if (nowNs - route.LastArrivalNs > _idleNs)
            {
                _routes.Remove(key);
            }
        }
    }

    /// <summary>
    /// Puts <paramref name="rules"/> in force at <paramref name="nowNs"/> (scheduler time). Subjects of a rule whose
    /// change only affects when it alerts keep their learnt state and their alert; subjects of a rule that was removed,
    /// disabled or changed in what it watches or how it scores are dropped (a firing alert resolves, a pending one
    /// clears) and start afresh with the next point. Series are routed again from their next point.
    /// </summary>
    public RuleSwap ReplaceRules(IEnumerable<DetectionRuleOptions> rules, long nowNs)
    {
        var next = Compile(rules);
        var byName = next.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var impacts = _rules.ToDictionary(r => r.Name, r => RuleImpacts.Of(r.Options, byName.GetValueOrDefault(r.Name)?.Options), StringComparer.Ordinal);
        var (kept, dropped) = (0, 0);
        foreach (var (key, subject) in _subjects)
        {
            if (impacts.GetValueOrDefault(subject.Rule.Name, RuleImpact.Relearn) != RuleImpact.Relearn)
            {
                subject.Rule = byName[subject.Rule.Name];
                kept++;
                continue;
            }

            var reason = byName.ContainsKey(subject.Rule.Name) ? UnwatchedReason.RuleChanged : UnwatchedReason.RuleRemoved;
            if (subject.Alert.Pending)
            {
                _pending.OnNext(AlertSignals.Dropped(subject, nowNs, reason));
            }
            else if (subject.Alert.Resolve() == AlertTransition.Resolved)
            {
                _signals.OnNext(AlertSignals.Dropped(subject, nowNs, reason));
            }

            _subjects.Remove(key);
            dropped++;
        }

        _rules = next;
        _routes.Clear();
        return new RuleSwap(next.Length, kept, dropped);
    }

    public void Dispose()
    {
        _scores.Dispose();
        _signals.Dispose();
        _pending.Dispose();
    }

    private static CompiledRule[] Compile(IEnumerable<DetectionRuleOptions> rules) =>
        [.. rules.Where(r => r.Enabled).Select(r => new CompiledRule(r))];

    private DetectionSubject[] Subscribe(SeriesKey series, string field)
    {
        List<DetectionSubject>? subjects = null;
        foreach (var rule in _rules)
        {
            if (!rule.Matcher.Matches(series, field) || Key(rule, series, rule.KeyField(field)) is not { } key || !_partition.Owns(key))
            {
                continue;
            }

            if (!_subjects.TryGetValue(key, out var subject))
            {
                if (_subjects.Count >= _options.MaxSubjects)
                {
                    _refused++;
                    continue;
                }

                subject = Create(rule, key, series, rule.ShownField(field));
                _subjects.Add(key, subject);
            }

            (subjects ??= []).Add(subject);
        }

        return subjects is null ? [] : [.. subjects];
    }

    // A per-series subject is the rule plus the series and field; a group is the rule plus its tag values. A series
    // without one of the group's tags is not part of any group of that rule.
    private static string? Key(CompiledRule rule, SeriesKey series, string field)
    {
        if (rule.GroupBy.Length == 0)
        {
            return rule.Name + "|" + series.Canonical + "|" + field;
        }

        var key = rule.Name + "|" + series.Measurement;
        foreach (var tag in rule.GroupBy)
        {
            if (series.GetTag(tag) is not { } value)
            {
                return null;
            }

            key += "|" + value;
        }

        return key;
    }

    private DetectionSubject Create(CompiledRule rule, string key, SeriesKey series, string field)
    {
        KeyValuePair<string, string>[] labels = rule.GroupBy.Length == 0
            ? [.. series.Tags]
            : [.. rule.GroupBy.Select(tag => KeyValuePair.Create(tag, series.GetTag(tag)!))];
        if (rule.LabelsField && rule.GroupBy.Length == 0 && series.GetTag("field") is null)
        {
            labels = [.. labels, KeyValuePair.Create("field", field)];
        }

        var grouped = rule.GroupBy.Length > 0 && rule.LabelsField;
        return new DetectionSubject(
            rule,
            key,
            series.Measurement,
            grouped ? "" : field,
            labels,
            rule.IsSilence ? null : _factory.CreateStack(rule.Options),
            rule.IsSilence ? _factory.CreateSilence(rule.Options) : null);
    }

    private void Feed(DetectionSubject subject, long timestampNs, double value, bool isDivisor, long arrivalNs)
    {
        subject.LastArrivalNs = arrivalNs;
        if (subject.Silence is { } silence)
        {
            // Many series of a group share a timestamp; the usual interval is between distinct ones.
            if (timestampNs > subject.NewestNs)
            {
                silence.Observe(timestampNs, arrivalNs);
                subject.NewestNs = timestampNs;
            }

            if (subject.Alert.Firing && silence.Evaluate(arrivalNs) is { HasOpinion: true } reading)
            {
                Step(subject, arrivalNs, reading.Up, double.NaN, reading);
            }

            return;
        }

        if (subject.Bucket is { } bucket)
        {
            switch (bucket.Add(timestampNs, value, isDivisor, out var start, out var aggregate, out var trials))
            {
                case BucketOutcome.Late:
                    _late++;
                    break;
                case BucketOutcome.Closed:
                    Evaluate(subject, start, aggregate, trials);
                    break;
            }

            return;
        }

        if (timestampNs < subject.NewestNs)
        {
            _late++;
            return;
        }

        subject.NewestNs = timestampNs;
        Evaluate(subject, timestampNs, value, double.NaN);
    }

    private void Evaluate(DetectionSubject subject, long timestampNs, double value, double trials)
    {
        // While the subject's alert is open or pending its values belong to the incident: scored against the baseline
        // from before it, never learnt as normal, so the alert neither fades into its own baseline nor resolves against one.
        var hold = subject.Rule.Options.HoldWhileAlerting && (subject.Alert.Firing || subject.Alert.Pending);
        var reading = subject.Stack!.Observe(timestampNs, value, trials, hold, _context);
        _scored++;
        if (_scores.HasObservers)
        {
            _scores.OnNext(new ScoredValue(subject.Rule.Name, subject.Key, timestampNs, value, reading.Score, reading.Expected, reading.Lower, reading.Upper)
            {
                Measurement = subject.Measurement,
                Labels = subject.Labels,
            });
        }

        if (!double.IsNaN(reading.Score))
        {
            Step(subject, timestampNs, reading.Score, value, new DetectorReading(reading.Score, 0, reading.Expected, reading.Lower, reading.Upper));
        }
    }

    private void Step(DetectionSubject subject, long timeNs, double score, double value, DetectorReading reading)
    {
        var transition = subject.Alert.Step(timeNs, score, subject.Rule.Timing);
        if (transition is AlertTransition.Pending or AlertTransition.PendingCleared)
        {
            if (_pending.HasObservers)
            {
                _pending.OnNext(AlertSignals.For(subject, transition, timeNs, value, score, reading));
            }
        }
        else if (transition != AlertTransition.None)
        {
            _signals.OnNext(AlertSignals.For(subject, transition, timeNs, value, score, reading));
        }
    }

    private sealed class Route(DetectionSubject[] subjects)
    {
        public DetectionSubject[] Subjects { get; } = subjects;

        public long LastArrivalNs { get; set; }
    }
}
