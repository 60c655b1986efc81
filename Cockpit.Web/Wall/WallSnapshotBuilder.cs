using System.Globalization;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Rollups;
using Cockpit.Ingest.Model;
using Cockpit.Web.Components.Controls;

namespace Cockpit.Web.Wall;

/// <summary>Builds the wall's KPIs, chart lines and alert list from the live rollups and the alert book (memory only).</summary>
public sealed class WallSnapshotBuilder(LiveRollups rollups, IAlertBook alerts)
{
    /// <summary>Buckets drawn in each chart.</summary>
    public const int ChartBuckets = 120;

    /// <summary>Alerts listed on the wall: all firing ones, then the latest resolved up to this total.</summary>
    public const int MaxAlerts = 12;

    // Success rate is drawn as a rolling rate over this many buckets: a single minute of a district is too noisy to read.
    private const int SuccessRateSmoothing = 5;

    private static readonly Dictionary<string, string> ChineseNames =
        Region.Guangzhou.ToDictionary(r => r.Id, r => r.ChineseName, StringComparer.Ordinal);

    /// <summary>Builds a snapshot of now.</summary>
    public WallSnapshot Build()
    {
        var regions = rollups.Regions;
        var complaints = new List<ChartSeries>(regions.Count);
        var successRate = new List<ChartSeries>(regions.Count);
        var latency = new List<ChartSeries>(regions.Count);
        double lastHour = 0, hourBefore = 0, attempts = 0, successes = 0, latencySum = 0, outages = 0;
        long latencyCount = 0;
        var hourBuckets = (int)Math.Max(1, TimeSpan.FromHours(1) / rollups.Bucket);
        var newest = rollups.Newest;

        foreach (var region in regions)
        {
            var name = DisplayName(region);
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

            var tried = rollups.Read(RollupMetric.BusinessAttempts, region, ChartBuckets + SuccessRateSmoothing);
            var succeeded = rollups.Read(RollupMetric.BusinessSuccesses, region, ChartBuckets + SuccessRateSmoothing);
            successRate.Add(new ChartSeries(name, RollingRate(tried, succeeded)));
            foreach (var bucket in Tail(tried, 15))
            {
                attempts += bucket.Sum;
            }

            foreach (var bucket in Tail(succeeded, 15))
            {
                successes += bucket.Sum;
            }

            var latencies = rollups.Read(RollupMetric.NetworkLatency, region, ChartBuckets);
            latency.Add(new ChartSeries(name, latencies.Select(b => Point(b.Start, Math.Round(b.Mean, 1))).ToList()));
            foreach (var bucket in Tail(latencies, 5))
            {
                latencySum += bucket.Sum;
                latencyCount += bucket.Count;
            }

            var outageBuckets = rollups.Read(RollupMetric.NetworkOutages, region, 1);
            outages += outageBuckets.Count > 0 ? outageBuckets[^1].Sum : 0;
        }

        var alertList = alerts.Snapshot();
        var shown = alertList.Where(IsActive)
            .Concat(alertList.Where(a => a.Status == AlertStatus.Resolved))
            .Take(Math.Max(MaxAlerts, alertList.Count(IsActive)))
            .ToList();

        var kpis = new List<KpiValue>
        {
            ComplaintsKpi(lastHour, hourBefore),
            SuccessRateKpi(attempts, successes),
            NetworkKpi(latencyCount == 0 ? double.NaN : latencySum / latencyCount, outages),
            AlertsKpi(shown),
        };
        return new WallSnapshot(newest, kpis, complaints, successRate, latency, shown);
    }

    // Pending alerts have not fired: the wall shows what on-call has been told about.
    private static bool IsActive(AlertRecord alert) => alert.Status is AlertStatus.Firing or AlertStatus.Acknowledged;

    private static KpiValue ComplaintsKpi(double lastHour, double hourBefore)
    {
        var ratio = hourBefore > 0 ? lastHour / hourBefore : double.NaN;
        var detail = double.IsNaN(ratio)
            ? "previous hour: no data yet"
            : string.Create(CultureInfo.InvariantCulture, $"{(ratio - 1) * 100:+0;-0;0} % vs previous hour ({hourBefore:N0})");
        var state = double.IsNaN(ratio) ? KpiState.Ok : ratio >= 2 ? KpiState.Critical : ratio >= 1.4 ? KpiState.Warning : KpiState.Ok;
        return new KpiValue("Complaints, last hour", lastHour.ToString("N0", CultureInfo.InvariantCulture), string.Empty, detail, state);
    }

    private static KpiValue SuccessRateKpi(double attempts, double successes)
    {
        if (attempts <= 0)
        {
            return new KpiValue("Business success rate", "–", "%", "no data yet", KpiState.Unknown);
        }

        var rate = 100 * successes / attempts;
        var state = rate < 90 ? KpiState.Critical : rate < 95 ? KpiState.Warning : KpiState.Ok;
        return new KpiValue(
            "Business success rate",
            rate.ToString("0.0", CultureInfo.InvariantCulture),
            "%",
            string.Create(CultureInfo.InvariantCulture, $"{successes:N0} of {attempts:N0} in the last 15 min"),
            state);
    }

    private static KpiValue NetworkKpi(double meanLatency, double outages)
    {
        if (double.IsNaN(meanLatency))
        {
            return new KpiValue("Network latency", "–", "ms", "no data yet", KpiState.Unknown);
        }

        var state = outages > 0 ? KpiState.Critical : meanLatency > 60 ? KpiState.Warning : KpiState.Ok;
        var detail = outages > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{outages:0} cell(s) down")
            : "all cells up";
        return new KpiValue("Network latency", meanLatency.ToString("0", CultureInfo.InvariantCulture), "ms", detail, state);
    }

    private static KpiValue AlertsKpi(IReadOnlyList<AlertRecord> shown)
    {
        var firing = shown.Where(IsActive).ToList();
        var critical = firing.Count(a => a.Severity == AlertSeverity.Critical);
        var state = critical > 0 ? KpiState.Critical : firing.Count > 0 ? KpiState.Warning : KpiState.Ok;
        return new KpiValue(
            "Active alerts",
            firing.Count.ToString(CultureInfo.InvariantCulture),
            string.Empty,
            string.Create(CultureInfo.InvariantCulture, $"{critical} critical"),
            state);
    }

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

    private static string DisplayName(string region) =>
        ChineseNames.TryGetValue(region, out var chinese) ? $"{chinese} {region}" : region;
}
