using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Cockpit.Detection.Reactive;
using System.Reactive.Subjects;
using Cockpit.Ingest.Model;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Rollups;

/// <summary>
/// Recent per-district, per-bucket rollups of the metrics the wall shows, kept in memory by the pipeline so the wall
/// never queries the store. Bounded: a fixed ring per (metric, district), at most <c>MaxRollupRegions</c> districts.
/// Written from the ingest stream, read from UI circuits through throttled subscriptions.
/// </summary>
public sealed class LiveRollups : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(RollupMetric Metric, string Region), RollupRing> _rings = [];
    private readonly HashSet<string> _regions = new(StringComparer.Ordinal);
    private readonly Subject<long> _changed = new();
    private readonly IScheduler _scheduler;
    private readonly DetectionOptions _options;
    private readonly long _bucketNs;
    private long _newestIndex = long.MinValue;

    public LiveRollups(IScheduler scheduler, IOptions<DetectionOptions> options)
    {
        _scheduler = scheduler;
        _options = options.Value;
        _bucketNs = UnixTime.ToNanos(_options.RollupBucket);
    }

    /// <summary>Width of a bucket.</summary>
    public TimeSpan Bucket => _options.RollupBucket;

    /// <summary>Buckets kept per ring.</summary>
    public int Capacity => _options.RollupBuckets;

    /// <summary>Start of the newest bucket with data, or null before any point.</summary>
    public DateTimeOffset? Newest
    {
        get
        {
            lock (_lock)
            {
                return _newestIndex == long.MinValue ? null : UnixTime.ToDateTimeOffset(_newestIndex * _bucketNs);
            }
        }
    }

    /// <summary>Districts seen, sorted.</summary>
    public IReadOnlyList<string> Regions
    {
        get
        {
            lock (_lock)
            {
                return [.. _regions.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Adds a point if it is one of the rolled-up metrics and carries a district.</summary>
    public void Observe(in MetricPoint point)
    {
        var metric = Find(point.Series.Measurement, point.Field);
        if (metric is null || point.Series.GetTag(MetricNames.RegionTag) is not { } region)
        {
            return;
        }

        var index = UnixTime.FloorDiv(point.TimestampNs, _bucketNs);
        lock (_lock)
        {
            if (!_rings.TryGetValue((metric, region), out var ring))
            {
                if (!_regions.Contains(region) && _regions.Count >= _options.MaxRollupRegions)
                {
                    return;
                }

                _regions.Add(region);
                ring = new RollupRing(_options.RollupBuckets);
                _rings.Add((metric, region), ring);
            }

            ring.Add(index, point.Value);
            _newestIndex = Math.Max(_newestIndex, index);
        }

        _changed.OnNext(index);
    }

    /// <summary>The buckets of one metric in one district over the last <paramref name="buckets"/> buckets, oldest first.</summary>
    public IReadOnlyList<RollupBucket> Read(RollupMetric metric, string region, int buckets)
    {
        var result = new List<RollupBucket>(Math.Min(buckets, _options.RollupBuckets));
        lock (_lock)
        {
            if (_newestIndex != long.MinValue && _rings.TryGetValue((metric, region), out var ring))
            {
                ring.CopyTo(result, _newestIndex - buckets + 1, _newestIndex, _bucketNs);
            }
        }

        return result;
    }

    /// <summary>Calls <paramref name="onChanged"/> (on the scheduler) at once after a quiet spell, then at most once per UI throttle interval while data arrives.</summary>
    public IDisposable Subscribe(Action onChanged) =>
        _changed.Coalesce(_options.UiThrottle, _scheduler).Subscribe(_ => onChanged());

    public void Dispose() => _changed.Dispose();

    private static RollupMetric? Find(string measurement, string field)
    {
        foreach (var metric in RollupMetric.All)
        {
            if (string.Equals(metric.Measurement, measurement, StringComparison.Ordinal)
                && string.Equals(metric.Field, field, StringComparison.Ordinal))
            {
                return metric;
            }
        }

        return null;
    }
}
