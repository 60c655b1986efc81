using System.Globalization;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Detectors;
using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// Complaints per district: sums every complaint series of a district per bucket, scores each closed bucket with a
/// <see cref="RobustZScoreDetector"/>, and turns runs of anomalous buckets into alert signals (fire after
/// <c>PendingBuckets</c>, resolve after <c>RecoveryBuckets</c> calm ones). State is kept per district, so districts
/// can be spread over nodes by district. Not thread-safe: fed from one stream.
/// </summary>
public sealed class ComplaintSurgeRule
{
    /// <summary>The rule's name on its alerts.</summary>
    public const string Name = "complaint-surge";

    /// <summary>Most districts tracked; points of further districts are counted and skipped.</summary>
    public const int MaxRegions = 10_000;

    private readonly SurgeRuleOptions _options;
    private readonly long _bucketNs;
    private readonly Dictionary<string, RegionState> _regions = new(StringComparer.Ordinal);

    public ComplaintSurgeRule(SurgeRuleOptions options)
    {
        _options = options;
        _bucketNs = UnixTime.ToNanos(options.Bucket);
    }

    /// <summary>Points that arrived after their bucket had closed.</summary>
    public long LatePoints { get; private set; }

    /// <summary>Points skipped because <see cref="MaxRegions"/> districts were already tracked.</summary>
    public long SkippedPoints { get; private set; }

    /// <summary>Feeds a point; returns a signal when a district's alert fires, updates or resolves.</summary>
    public AlertSignal? Observe(in MetricPoint point)
    {
        if (!string.Equals(point.Series.Measurement, MetricNames.Complaints, StringComparison.Ordinal)
            || !string.Equals(point.Field, MetricNames.CountField, StringComparison.Ordinal)
            || point.Series.GetTag(MetricNames.RegionTag) is not { } region)
        {
            return null;
        }

        if (!_regions.TryGetValue(region, out var state))
        {
            if (_regions.Count >= MaxRegions)
            {
                SkippedPoints++;
                return null;
            }

            state = new RegionState(new EventTimeBucket(_bucketNs), new RobustZScoreDetector(_options.Window, _options.MinHistory, _options.Threshold));
            _regions.Add(region, state);
        }

        switch (state.Bucket.Add(point.TimestampNs, point.Value, out var closedStart, out var closedSum))
        {
            case BucketOutcome.Late:
                LatePoints++;
                return null;
            case BucketOutcome.Closed:
                return Score(region, state, closedStart, closedSum);
            default:
                return null;
        }
    }

    private AlertSignal? Score(string region, RegionState state, long bucketStartNs, double total)
    {
        var score = state.Detector.Observe(total);
        if (double.IsNaN(score.Value))
        {
            return null;
        }

        var time = UnixTime.ToDateTimeOffset(bucketStartNs);
        if (score.Value >= _options.Threshold)
        {
            state.Calm = 0;
            state.Anomalous++;
            if (state.Anomalous >= _options.PendingBuckets)
            {
                state.Firing = true;
                return Signal(region, firing: true, total, score, time);
            }

            return null;
        }

        state.Anomalous = 0;
        if (!state.Firing)
        {
            return null;
        }

        state.Calm = score.Value < _options.RecoverBelow ? state.Calm + 1 : 0;
        if (state.Calm < _options.RecoveryBuckets)
        {
            return null;
        }

        state.Firing = false;
        state.Calm = 0;
        return Signal(region, firing: false, total, score, time);
    }

    private AlertSignal Signal(string region, bool firing, double total, ZScore score, DateTimeOffset time)
    {
        var severity = score.Value >= 2 * _options.Threshold ? AlertSeverity.Critical : AlertSeverity.Warning;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"Complaints in {region}: {total:0} per {_options.Bucket.TotalMinutes:0.#} min, usually {score.Median:0.#} (robust z {score.Value:0.0})");
        return new AlertSignal(
            Name,
            MetricNames.Complaints,
            new Dictionary<string, string>(StringComparer.Ordinal) { [MetricNames.RegionTag] = region },
            firing,
            severity,
            summary,
            total,
            score.Median,
            score.Value,
            time);
    }

    private sealed class RegionState(EventTimeBucket bucket, RobustZScoreDetector detector)
    {
        public EventTimeBucket Bucket { get; } = bucket;

        public RobustZScoreDetector Detector { get; } = detector;

        public int Anomalous { get; set; }

        public int Calm { get; set; }

        public bool Firing { get; set; }
    }
}
