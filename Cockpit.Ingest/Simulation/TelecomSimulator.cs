using Cockpit.Ingest.Model;
using MathNet.Numerics.Distributions;

namespace Cockpit.Ingest.Simulation;

/// <summary>
/// Generates the metrics of a city operator's service centre: complaints per district, channel and category;
/// business attempts, successes, success rate and handling time per district and business type; latency, loss
/// and outages per cell. Pure and deterministic: tick <c>k</c> depends only on the seed, the start time and
/// <c>k</c>, so any tick can be regenerated on its own.
/// </summary>
public sealed class TelecomSimulator
{
    /// <summary>The source recorded on simulated points.</summary>
    public const string SourceName = "simulator";

    private const double ComplaintsPerMinuteAtPeak = 14;

    private static readonly Dictionary<string, double> RegionWeight = new(StringComparer.Ordinal)
    {
        ["tianhe"] = 1.00, ["baiyun"] = 0.90, ["panyu"] = 0.85, ["haizhu"] = 0.75, ["yuexiu"] = 0.60,
        ["huangpu"] = 0.50, ["liwan"] = 0.50, ["huadu"] = 0.45, ["zengcheng"] = 0.40, ["nansha"] = 0.25,
        ["conghua"] = 0.20,
    };

    private static readonly double[] ChannelShare = [0.45, 0.30, 0.15, 0.10];
    private static readonly double[] CategoryShare = [0.35, 0.30, 0.20, 0.15];

    // Per business type: attempts per minute at peak in a weight-1 district, success probability, mean handling seconds.
    private static readonly (double Attempts, double Success, double HandleSeconds)[] BusinessProfile =
    [
        (15, 0.985, 600), (12, 0.960, 900), (30, 0.990, 180), (8, 0.930, 1200),
    ];

    private readonly SimulatorOptions _options;
    private readonly IReadOnlyList<Region> _regions;
    private readonly SeriesKey[,,] _complaintSeries;
    private readonly SeriesKey[,] _businessSeries;
    private readonly SeriesKey[,] _networkSeries;
    private readonly long _intervalNs;
    private readonly long _startNs;

    public TelecomSimulator(SimulatorOptions options, DateTimeOffset start, IReadOnlyList<Region>? regions = null)
    {
        _options = options;
        _regions = regions ?? Region.Guangzhou;
        Start = start;
        _startNs = UnixTime.ToNanos(start);
        _intervalNs = UnixTime.ToNanos(options.Interval);
        Schedule = new IncidentSchedule(options.Seed, start, options, _regions);

        _complaintSeries = new SeriesKey[_regions.Count, MetricNames.Channels.Count, MetricNames.Categories.Count];
        _businessSeries = new SeriesKey[_regions.Count, MetricNames.BusinessTypes.Count];
        _networkSeries = new SeriesKey[_regions.Count, options.CellsPerRegion];
        for (var r = 0; r < _regions.Count; r++)
        {
            var region = _regions[r].Id;
            for (var c = 0; c < MetricNames.Channels.Count; c++)
            {
                for (var k = 0; k < MetricNames.Categories.Count; k++)
                {
                    _complaintSeries[r, c, k] = SeriesKey.Create(
                        MetricNames.Complaints,
                        (MetricNames.RegionTag, region),
                        (MetricNames.ChannelTag, MetricNames.Channels[c]),
                        (MetricNames.CategoryTag, MetricNames.Categories[k]));
                }
            }

            for (var b = 0; b < MetricNames.BusinessTypes.Count; b++)
            {
                _businessSeries[r, b] = SeriesKey.Create(
                    MetricNames.Business, (MetricNames.RegionTag, region), (MetricNames.BusinessTypeTag, MetricNames.BusinessTypes[b]));
            }

            for (var n = 0; n < options.CellsPerRegion; n++)
            {
                _networkSeries[r, n] = SeriesKey.Create(
                    MetricNames.Network, (MetricNames.RegionTag, region), (MetricNames.CellTag, IncidentSchedule.CellName(region, n + 1)));
            }
        }
    }

    /// <summary>Simulated time of tick 0.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The staged incidents.</summary>
    public IncidentSchedule Schedule { get; }

    /// <summary>Simulated time of tick <paramref name="tick"/>.</summary>
    public DateTimeOffset TimeOf(long tick) => Start + (_options.Interval * tick);

    /// <summary>Every point of tick <paramref name="tick"/>.</summary>
    public MetricPoint[] Generate(long tick)
    {
        var time = TimeOf(tick);
        var timestampNs = _startNs + (_intervalNs * tick);
        var local = time.UtcDateTime.AddHours(_options.UtcOffsetHours);
        var load = Seasonality.Load(local);
        var random = DeterministicRandom.For(_options.Seed, 0x5EED, tick);
        var incidents = Schedule.ActiveAt(time).ToArray();
        var points = new List<MetricPoint>(MaxPointsPerTick);

        for (var r = 0; r < _regions.Count; r++)
        {
            var region = _regions[r].Id;
            var weight = RegionWeight.GetValueOrDefault(region, 0.5);
            AddComplaints(points, r, region, weight * load, incidents, time, timestampNs, random);
            AddBusiness(points, r, region, weight * load, incidents, time, timestampNs, random);
            AddNetwork(points, r, region, load, incidents, time, timestampNs, random);
        }

        return [.. points];
    }

    /// <summary>Most points one tick yields (a business series with no attempts has no rate or handling time).</summary>
    public int MaxPointsPerTick =>
        _regions.Count * ((MetricNames.Channels.Count * MetricNames.Categories.Count) + (MetricNames.BusinessTypes.Count * 4) + (_options.CellsPerRegion * 3));

    private void AddComplaints(List<MetricPoint> points, int r, string region, double load, Incident[] incidents, DateTimeOffset time, long ts, Random random)
    {
        for (var k = 0; k < MetricNames.Categories.Count; k++)
        {
            var multiplier = OutageMultiplier(region, MetricNames.Categories[k], incidents, time);
            var surge = SurgeExtra(region, MetricNames.Categories[k], incidents, time);
            for (var c = 0; c < MetricNames.Channels.Count; c++)
            {
                var lambda = (ComplaintsPerMinuteAtPeak * load * CategoryShare[k] * multiplier + surge) * ChannelShare[c];
                var count = lambda > 0 ? Poisson.Sample(random, lambda) : 0;
                points.Add(new MetricPoint(_complaintSeries[r, c, k], MetricNames.CountField, count, ts, SourceName));
            }
        }
    }

    // A surge is driven by the customers an event touches, not by the district's usual complaint volume, so it adds
    // its size in complaints a minute (spread over the channels) whatever the hour and district. It builds within
    // three minutes and eases off over the incident's last fifth.
    private static double SurgeExtra(string region, string category, Incident[] incidents, DateTimeOffset time)
    {
        var extra = 0.0;
        foreach (var incident in incidents)
        {
            if (incident.Kind == IncidentKind.ComplaintSurge
                && string.Equals(incident.Region, region, StringComparison.Ordinal)
                && string.Equals(incident.Subject, category, StringComparison.Ordinal))
            {
                var rise = Math.Clamp((time - incident.Start).TotalMinutes / 3, 0, 1);
                var fall = Math.Clamp((1 - incident.Progress(time)) / 0.2, 0, 1);
                extra = Math.Max(extra, incident.Size * Math.Min(rise, fall));
            }
        }

        return extra;
    }

    // Customers notice an outage after a few minutes and call about their lines.
    private static double OutageMultiplier(string region, string category, Incident[] incidents, DateTimeOffset time)
    {
        var multiplier = 1.0;
        foreach (var incident in incidents)
        {
            if (incident.Kind == IncidentKind.NetworkOutage
                && category is "broadband" or "mobile"
                && string.Equals(incident.Region, region, StringComparison.Ordinal))
            {
                multiplier *= 1 + (2.5 * Math.Clamp(((time - incident.Start).TotalMinutes - 4) / 6, 0, 1));
            }
        }

        return multiplier;
    }

    private void AddBusiness(List<MetricPoint> points, int r, string region, double load, Incident[] incidents, DateTimeOffset time, long ts, Random random)
    {
        for (var b = 0; b < MetricNames.BusinessTypes.Count; b++)
        {
            var (attemptsAtPeak, success, handleSeconds) = BusinessProfile[b];
            foreach (var incident in incidents)
            {
                if (incident.Kind == IncidentKind.SuccessRateDecline
                    && string.Equals(incident.Region, region, StringComparison.Ordinal)
                    && string.Equals(incident.Subject, MetricNames.BusinessTypes[b], StringComparison.Ordinal))
                {
                    // Slides steadily to its size in points below normal (e.g. 18 points over 3.6 hours: 0.08 a minute).
                    success -= incident.Size / 100 * incident.Progress(time);
                    handleSeconds *= 1 + (0.3 * incident.Progress(time));
                }
            }

            var series = _businessSeries[r, b];
            var attempts = Poisson.Sample(random, Math.Max(attemptsAtPeak * load, 0.05));
            var successes = attempts > 0 ? Binomial.Sample(random, success, attempts) : 0;
            points.Add(new MetricPoint(series, MetricNames.AttemptsField, attempts, ts, SourceName));
            points.Add(new MetricPoint(series, MetricNames.SuccessesField, successes, ts, SourceName));
            if (attempts > 0)
            {
                var rate = 100.0 * successes / attempts;
                var handle = handleSeconds * Math.Max(0.3, 1 + Normal.Sample(random, 0, 0.25 / Math.Sqrt(attempts)));
                points.Add(new MetricPoint(series, MetricNames.SuccessRateField, Math.Round(rate, 2), ts, SourceName));
                points.Add(new MetricPoint(series, MetricNames.HandleTimeField, Math.Round(handle, 1), ts, SourceName));
            }
        }
    }

    private void AddNetwork(List<MetricPoint> points, int r, string region, double load, Incident[] incidents, DateTimeOffset time, long ts, Random random)
    {
        for (var n = 0; n < _options.CellsPerRegion; n++)
        {
            var series = _networkSeries[r, n];
            var cell = IncidentSchedule.CellName(region, n + 1);
            var latency = 18 + (12 * load) + Normal.Sample(random, 0, 2);
            var loss = 0.05 + (0.1 * load) + Math.Abs(Normal.Sample(random, 0, 0.03));
            var outages = 0.0;
            foreach (var incident in incidents)
            {
                if (incident.Kind != IncidentKind.NetworkOutage || !string.Equals(incident.Region, region, StringComparison.Ordinal))
                {
                    continue;
                }

                if (string.Equals(incident.Subject, cell, StringComparison.Ordinal))
                {
                    outages = 1;
                    latency = 250 + Normal.Sample(random, 0, 30);
                    loss = 35 + Normal.Sample(random, 0, 5);
                }
                else
                {
                    // Neighbouring cells take the load of the failed one.
                    latency *= 2;
                    loss += 3;
                }
            }

            points.Add(new MetricPoint(series, MetricNames.LatencyField, Math.Round(Math.Max(1, latency), 2), ts, SourceName));
            points.Add(new MetricPoint(series, MetricNames.LossField, Math.Round(Math.Clamp(loss, 0, 100), 3), ts, SourceName));
            points.Add(new MetricPoint(series, MetricNames.OutagesField, outages, ts, SourceName));
        }
    }
}
