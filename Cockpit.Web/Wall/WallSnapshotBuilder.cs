using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Rollups;
using Cockpit.Ingest.Model;
using Cockpit.Web.Components.Controls;

namespace Cockpit.Web.Wall;

/// <summary>
/// Builds the wall's figures, chart lines, bands, annotations, heat grid and alert lists from memory — the live
/// rollups, the detectors' scores and the alert book — plus the one cached week-ago number. Every list it returns is
/// bounded by a constant here, however long the wall runs.
/// </summary>
public sealed class WallSnapshotBuilder(LiveRollups rollups, IAlertBook alerts, WallScores scores, WeekAgoComplaints weekAgo)
{
    /// <summary>Buckets drawn in each chart.</summary>
    public const int ChartBuckets = 120;

    /// <summary>Alerts listed on the wall: all firing ones up to <see cref="MaxActive"/>, then the latest resolved up to this total.</summary>
    public const int MaxAlerts = 12;

    /// <summary>Most alerts in the ticker (and listed as firing).</summary>
    public const int MaxActive = 30;

    /// <summary>Most alert annotations per chart (the newest).</summary>
    public const int MaxAnnotations = 12;

    // Success rate is drawn as a rolling rate over this many buckets: a single minute of a district is too noisy to read.
    private const int SuccessRateSmoothing = 5;

    private static readonly Dictionary<string, int> DistrictOrder =
        Region.Guangzhou.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

    /// <summary>Builds a snapshot of now, with the focus chart on <paramref name="focusRegion"/> or else the hottest district.</summary>
    public WallSnapshot Build(WallLabels labels, string? focusRegion = null)
    {
        var regions = rollups.Regions.OrderBy(r => DistrictOrder.GetValueOrDefault(r, int.MaxValue)).ThenBy(r => r, StringComparer.Ordinal).ToList();
        var complaints = new List<ChartSeries>(regions.Count);
        var successRate = new List<ChartSeries>(regions.Count);
        var latency = new List<ChartSeries>(regions.Count);
        double lastHour = 0, hourBefore = 0, attempts = 0, successes = 0, latencySum = 0, lossSum = 0, reports = 0, down = 0;
        long latencyCount = 0, lossCount = 0;
        var hourBuckets = (int)Math.Max(1, TimeSpan.FromHours(1) / rollups.Bucket);
        var newest = rollups.Newest;

        foreach (var region in regions)
        {
            var name = Region.DisplayName(region);
            var counts = rollups.Read(RollupMetric.Complaints, region, 2 * hourBuckets);
            complaints.Add(new ChartSeries(name, Tail(counts, ChartBuckets).Select(b => Point(b.Start, b.Sum)).ToList()));
            foreach (var bucket in counts)
            {
                if (newest is { } n && bucket.Start > n - TimeSpan.FromHours(1))
                {
                    lastHour += bucket.Sum;
                }
                else
                {
                    hourBefore += bucket.Sum;
                }
            }

            var tried = rollups.Read(RollupMetric.BusinessAttempts, region, ChartBuckets + SuccessRateSmoothing - 1);
            var succeeded = rollups.Read(RollupMetric.BusinessSuccesses, region, ChartBuckets + SuccessRateSmoothing - 1);
            successRate.Add(new ChartSeries(name, RollingRate(tried, succeeded)));
            attempts += Tail(tried, 15).Sum(b => b.Sum);
            successes += Tail(succeeded, 15).Sum(b => b.Sum);

            var latencies = rollups.Read(RollupMetric.NetworkLatency, region, ChartBuckets);
            latency.Add(new ChartSeries(name, latencies.Select(b => Point(b.Start, Math.Round(b.Mean, 1))).ToList()));
            foreach (var bucket in Tail(latencies, 5))
            {
                latencySum += bucket.Sum;
                latencyCount += bucket.Count;
            }

            foreach (var bucket in Tail(rollups.Read(RollupMetric.NetworkLoss, region, 5), 5))
            {
                lossSum += bucket.Sum;
                lossCount += bucket.Count;
            }

            var outages = rollups.Read(RollupMetric.NetworkOutages, region, 1);
            if (outages.Count > 0)
            {
                reports += outages[^1].Count;
                down += outages[^1].Sum;
            }
        }

        var alertList = alerts.Snapshot();
        var active = alertList.Where(IsActive)
            .OrderByDescending(a => a.Severity)
            .ThenByDescending(a => a.StartsAt)
            .Take(MaxActive)
            .ToList();
        var shown = active.Concat(alertList.Where(a => a.Status == AlertStatus.Resolved))
            .Take(Math.Max(MaxAlerts, active.Count))
            .ToList();

        WeekAgoValue? week = newest is { } end ? weekAgo.Get(end + rollups.Bucket) : null;
        var figures = new WallFigures(
            lastHour,
            hourBefore,
            week,
            attempts,
            successes,
            latencyCount == 0 ? double.NaN : latencySum / latencyCount,
            lossCount == 0 ? double.NaN : lossSum / lossCount,
            reports,
            down,
            alertList.Count(IsActive),
            alertList.Count(a => IsActive(a) && a.Severity == AlertSeverity.Critical));

        var heatRows = scores.Heat(regions);
        var heat = new HeatGridData([.. regions.Select((r, i) => new HeatRow(r, Region.DisplayName(r), heatRows[i]))]);
        var from = newest is { } last ? (last - (rollups.Bucket * (ChartBuckets - 1))).ToUnixTimeMilliseconds() : long.MaxValue;

        return new WallSnapshot(
            newest,
            figures,
            complaints,
            Annotations(alertList, from, a => a.Measurement == MetricNames.Complaints),
            successRate,
            Annotations(alertList, from, a => a.Measurement == MetricNames.Business),
            latency,
            Annotations(alertList, from, a => a.Measurement == MetricNames.Network),
            Focus(labels, focusRegion, heat, alertList, from),
            heat,
            shown,
            active);
    }

    // Pending alerts have not fired: the wall shows what on-call has been told about.
    private static bool IsActive(AlertRecord alert) => alert.Status is AlertStatus.Firing or AlertStatus.Acknowledged;

    private WallFocus Focus(WallLabels labels, string? asked, HeatGridData heat, IReadOnlyList<AlertRecord> alertList, long from)
    {
        var complaintsColumn = MetricFamily.IndexOf(MetricNames.Complaints);
        var region = asked is not null && heat.Rows.Any(r => r.Region == asked)
            ? asked
            : heat.Rows
                .OrderByDescending(r => double.IsNaN(r.Scores[complaintsColumn]) ? -1 : r.Scores[complaintsColumn])
                .Select(r => r.Region)
                .FirstOrDefault();
        if (region is null)
        {
            return new WallFocus(null, string.Empty, [new ChartSeries(labels.Measured, []), new ChartSeries(labels.Expected, [], Dashed: true)], new ChartBand(labels.Band, []), []);
        }

        var name = Region.DisplayName(region);
        var measured = rollups.Read(RollupMetric.Complaints, region, ChartBuckets).Select(b => Point(b.Start, b.Sum)).ToList();
        var rule = scores.BandRuleFor(MetricNames.Complaints);
        var band = rule is null ? [] : scores.Band(rule, region).Where(p => p.TimeMs >= from).ToList();
        var expected = band.Where(p => double.IsFinite(p.Expected)).Select(p => new ChartPoint(p.TimeMs, Math.Round(p.Expected, 2))).ToList();
        var ranges = band.Where(p => double.IsFinite(p.Lower) && double.IsFinite(p.Upper))
            .Select(p => new ChartRange(p.TimeMs, Math.Round(Math.Max(0, p.Lower), 2), Math.Round(p.Upper, 2)))
            .ToList();
        return new WallFocus(
            region,
            name,
            [new ChartSeries(name + " · " + labels.Measured, measured), new ChartSeries(labels.Expected, expected, Dashed: true)],
            new ChartBand(labels.Band, ranges),
            Annotations(alertList, from, a => a.Tags.TryGetValue(MetricNames.RegionTag, out var r) && r == region));
    }

    private static List<ChartAnnotation> Annotations(IReadOnlyList<AlertRecord> alertList, long from, Func<AlertRecord, bool> matches) =>
        [.. alertList
            .Where(a => a.Status != AlertStatus.Pending && a.StartsAt.ToUnixTimeMilliseconds() >= from && matches(a))
            .OrderByDescending(a => a.StartsAt)
            .Take(MaxAnnotations)
            .OrderBy(a => a.StartsAt)
            .Select(a => new ChartAnnotation(
                a.StartsAt.ToUnixTimeMilliseconds(),
                a.Tags.TryGetValue(MetricNames.RegionTag, out var region) ? Region.DisplayName(region) : a.Rule,
                a.Severity switch { AlertSeverity.Critical => "critical", AlertSeverity.Warning => "warning", _ => "info" }))];

    private static List<ChartPoint> RollingRate(IReadOnlyList<RollupBucket> attempts, IReadOnlyList<RollupBucket> successes)
    {
        var bySuccessStart = successes.ToDictionary(b => b.Start, b => b.Sum);
        var points = new List<ChartPoint>(attempts.Count);
        var window = new Queue<(double Attempts, double Successes)>();
        double sumAttempts = 0, sumSuccesses = 0;
        foreach (var bucket in attempts)
        {
            var ok = bySuccessStart.GetValueOrDefault(bucket.Start);
            window.Enqueue((bucket.Sum, ok));
            sumAttempts += bucket.Sum;
            sumSuccesses += ok;
            if (window.Count > SuccessRateSmoothing)
            {
                var (a, s) = window.Dequeue();
                sumAttempts -= a;
                sumSuccesses -= s;
            }

            if (window.Count == SuccessRateSmoothing && sumAttempts > 0)
            {
                points.Add(Point(bucket.Start, Math.Round(100 * sumSuccesses / sumAttempts, 2)));
            }
        }

        return points;
    }

    private static IEnumerable<RollupBucket> Tail(IReadOnlyList<RollupBucket> buckets, int count) =>
        buckets.Skip(Math.Max(0, buckets.Count - count));

    private static ChartPoint Point(DateTimeOffset time, double value) => new(time.ToUnixTimeMilliseconds(), value);
}
