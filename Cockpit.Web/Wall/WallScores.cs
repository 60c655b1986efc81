using Cockpit.Detection;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Model;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Wall;

/// <summary>
/// What the wall needs from the detectors' scores, kept in memory and bounded: the recent scored values with their
/// expected band for rules that watch one district each (e.g. complaint-surge), drawn as a band behind the chart;
/// and, per district × metric family, the highest score of the last few minutes, drawn as the heat grid.
/// Fed from <see cref="DetectionPipeline.Scores"/> on the ingest thread (kept quick: a dictionary look-up and a
/// ring write under a lock); read by wall circuits.
/// </summary>
public sealed class WallScores : IHostedService, IDisposable
{
    /// <summary>Scored values kept per band (rule × district): as many as the charts draw.</summary>
    public const int BandCapacity = WallSnapshotBuilder.ChartBuckets;

    /// <summary>How far back the heat grid looks, in data time (longer for rules that score whole buckets).</summary>
    public static readonly TimeSpan HeatWindow = TimeSpan.FromMinutes(5);

    // Parsed subject keys; subjects come and go with series, so the cache is cleared rather than grown past this.
    private const int MaxCachedSubjects = 10_000;

    private readonly Lock _lock = new();
    private readonly IObservable<ScoredValue> _scores;
    private readonly int _windowSlots;
    private readonly IDisposable? _ruleChanges;
    private IReadOnlyDictionary<string, RuleInfo> _rules = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Region, int Family)?> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Rule, string Region), BandRing> _bands = [];
    private readonly Dictionary<(string Region, int Family, string Rule), HeatSlots> _heat = [];
    private readonly HashSet<string> _regions = new(StringComparer.Ordinal);
    private readonly int _maxRegions;
    private readonly long _slotNs;
    private long _newestSlot = long.MinValue;
    private IDisposable? _subscription;

    public WallScores(DetectionPipeline pipeline, IOptions<DetectionOptions> options, IRuleCatalog catalog)
        : this(pipeline.Scores, options.Value, catalog.Rules.Select(r => r.Options))
    {
        _ruleChanges = catalog.Changes.Subscribe(UseRules);
    }

    internal WallScores(IObservable<ScoredValue> scores, DetectionOptions options, IEnumerable<DetectionRuleOptions>? rules = null)
    {
        _scores = scores;
        _maxRegions = options.MaxRollupRegions;
        _slotNs = UnixTime.ToNanos(options.RollupBucket);
        _windowSlots = SlotsFor(HeatWindow);
        UseRules([.. rules ?? options.Rules]);
    }

    /// <summary>Rules whose scored values are kept with their band, one band per district.</summary>
    public IReadOnlyList<string> BandRules => [.. _rules.Where(r => r.Value.IsBand).Select(r => r.Key).Order(StringComparer.Ordinal)];

    /// <summary>Scored values held over all bands (bounded by bands × <see cref="BandCapacity"/>).</summary>
    public int BandPointCount
    {
        get
        {
            lock (_lock)
            {
                return _bands.Values.Sum(b => b.Count);
            }
        }
    }

    /// <summary>Bands, heat cells and cached subject keys held (each bounded).</summary>
    public (int Bands, int HeatCells, int Subjects) Sizes
    {
        get
        {
            lock (_lock)
            {
                return (_bands.Count, _heat.Count, _subjects.Count);
            }
        }
    }

    /// <summary>The first band rule (by name) that watches <paramref name="measurement"/>, or null.</summary>
    public string? BandRuleFor(string measurement) =>
        _rules.Where(r => r.Value.IsBand && string.Equals(r.Value.Measurement, measurement, StringComparison.Ordinal))
            .Select(r => r.Key)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Whether <paramref name="rule"/>'s scores are kept as bands (it watches one district per subject).</summary>
    public bool IsBandRule(string rule) => _rules.TryGetValue(rule, out var info) && info.IsBand;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription ??= _scores.Subscribe(Observe);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
        _ruleChanges?.Dispose();
    }

    // Rules can change at run time (admin): bands and heat of rules no longer kept go, the rest stays.
    private void UseRules(IReadOnlyList<DetectionRuleOptions> rules)
    {
        var next = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            var bucketNs = rule.Bucket is { } bucket ? UnixTime.ToNanos(bucket) : 0;
            var isBand = rule.GroupBy is [MetricNames.RegionTag];
            next[rule.Name] = new RuleInfo(rule.Measurement, bucketNs, Math.Max(_windowSlots, SlotsFor(rule.Bucket ?? TimeSpan.Zero)), isBand);
        }

        lock (_lock)
        {
            Volatile.Write(ref _rules, next);
            foreach (var key in _bands.Keys.Where(k => !next.TryGetValue(k.Rule, out var info) || !info.IsBand).ToList())
            {
                _bands.Remove(key);
            }

            foreach (var key in _heat.Keys.Where(k => !next.ContainsKey(k.Rule)).ToList())
            {
                _heat.Remove(key);
            }
        }
    }

    /// <summary>Takes one scored value (the pipeline calls this for every value a rule scores).</summary>
    public void Observe(ScoredValue scored)
    {
        if (!_rules.TryGetValue(scored.Rule, out var rule))
        {
            return;
        }

        lock (_lock)
        {
            if (Locate(scored, rule) is not { } where)
            {
                return;
            }

            if (rule.IsBand && where.Family >= 0)
            {
                if (!_bands.TryGetValue((scored.Rule, where.Region), out var band))
                {
                    band = new BandRing(BandCapacity);
                    _bands.Add((scored.Rule, where.Region), band);
                }

                band.Add(new BandPoint(scored.TimestampNs / 1_000_000, scored.Value, scored.Expected, scored.Lower, scored.Upper));
            }

            if (where.Family < 0 || double.IsNaN(scored.Score))
            {
                return;
            }

            // A bucketed rule's score describes its whole bucket and is known only when the bucket closes: it counts at
            // the bucket's end and for as long as the bucket, so a 15-minute rule does not blink out of the grid.
            var slot = UnixTime.FloorDiv(scored.TimestampNs + rule.BucketNs, _slotNs);
            _newestSlot = Math.Max(_newestSlot, slot);
            if (!_heat.TryGetValue((where.Region, where.Family, scored.Rule), out var slots))
            {
                slots = new HeatSlots(rule.ValiditySlots + 1);
                _heat.Add((where.Region, where.Family, scored.Rule), slots);
            }

            slots.Add(slot, Math.Clamp(scored.Score, 0, 1));
        }
    }

    /// <summary>The band of <paramref name="rule"/> in <paramref name="region"/>, oldest first (empty when none).</summary>
    public IReadOnlyList<BandPoint> Band(string rule, string region)
    {
        lock (_lock)
        {
            return _bands.TryGetValue((rule, region), out var band) ? band.ToList() : [];
        }
    }

    /// <summary>
    /// The highest score of the last few minutes per district (rows, in the order given) and metric family
    /// (<see cref="MetricFamily.All"/>); NaN where nothing was scored.
    /// </summary>
    public double[][] Heat(IReadOnlyList<string> regions)
    {
        var grid = new double[regions.Count][];
        lock (_lock)
        {
            for (var r = 0; r < regions.Count; r++)
            {
                grid[r] = new double[MetricFamily.All.Count];
                Array.Fill(grid[r], double.NaN);
            }

            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var r = 0; r < regions.Count; r++)
            {
                rows.TryAdd(regions[r], r);
            }

            foreach (var ((region, family, rule), slots) in _heat)
            {
                if (!rows.TryGetValue(region, out var row))
                {
                    continue;
                }

                if (!_rules.TryGetValue(rule, out var info))
                {
                    continue;
                }

                var max = slots.Max(_newestSlot - info.ValiditySlots + 1);
                if (!double.IsNaN(max) && (double.IsNaN(grid[row][family]) || max > grid[row][family]))
                {
                    grid[row][family] = max;
                }
            }
        }

        return grid;
    }

    private (string Region, int Family)? Locate(ScoredValue scored, RuleInfo rule)
    {
        if (_subjects.TryGetValue(scored.Subject, out var known))
        {
            return known;
        }

        (string Region, int Family)? where = null;
        if (RegionOf(scored) is { Length: > 0 } region && (_regions.Contains(region) || _regions.Count < _maxRegions))
        {
            _regions.Add(region);
            where = (region, MetricFamily.IndexOf(scored.Measurement));
        }

        if (_subjects.Count >= MaxCachedSubjects)
        {
            _subjects.Clear();
        }

        _subjects[scored.Subject] = where;
        return where;
    }

    private static string? RegionOf(ScoredValue scored)
    {
        foreach (var (key, value) in scored.Labels)
        {
            if (string.Equals(key, MetricNames.RegionTag, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    private int SlotsFor(TimeSpan span) => (int)Math.Max(1, Math.Ceiling((double)UnixTime.ToNanos(span) / _slotNs));

    private sealed record RuleInfo(string Measurement, long BucketNs, int ValiditySlots, bool IsBand);

    // The newest scored values of one band; a value for the same time replaces the last one, older ones are dropped.
    private sealed class BandRing(int capacity)
    {
        private readonly BandPoint[] _items = new BandPoint[capacity];
        private int _start;

        public int Count { get; private set; }

        public void Add(BandPoint point)
        {
            if (Count > 0)
            {
                var last = _items[(_start + Count - 1) % _items.Length];
                if (point.TimeMs < last.TimeMs)
                {
                    return;
                }

                if (point.TimeMs == last.TimeMs)
                {
                    _items[(_start + Count - 1) % _items.Length] = point;
                    return;
                }
            }

            if (Count < _items.Length)
            {
                _items[(_start + Count) % _items.Length] = point;
                Count++;
            }
            else
            {
                _items[_start] = point;
                _start = (_start + 1) % _items.Length;
            }
        }

        public List<BandPoint> ToList()
        {
            var list = new List<BandPoint>(Count);
            for (var i = 0; i < Count; i++)
            {
                list.Add(_items[(_start + i) % _items.Length]);
            }

            return list;
        }
    }

    // The highest score per time slot for the last few slots of one rule in one cell.
    private sealed class HeatSlots(int size)
    {
        private readonly long[] _slot = Enumerable.Repeat(long.MinValue, size).ToArray();
        private readonly double[] _max = new double[size];

        public void Add(long slot, double score)
        {
            var oldest = 0;
            for (var i = 0; i < _slot.Length; i++)
            {
                if (_slot[i] == slot)
                {
                    _max[i] = Math.Max(_max[i], score);
                    return;
                }

                if (_slot[i] < _slot[oldest])
                {
                    oldest = i;
                }
            }

            if (slot > _slot[oldest])
            {
                _slot[oldest] = slot;
                _max[oldest] = score;
            }
        }

        public double Max(long fromSlot)
        {
            var max = double.NaN;
            for (var i = 0; i < _slot.Length; i++)
            {
                if (_slot[i] >= fromSlot && _slot[i] != long.MinValue && (double.IsNaN(max) || _max[i] > max))
                {
                    max = _max[i];
                }
            }

            return max;
        }
    }
}
