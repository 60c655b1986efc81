using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Storage;

/// <summary>
/// The same point written again — same series, field and time — is the same point, as in InfluxDB: the last write
/// wins, in every aggregate and resolution and in the series' point count, whenever the second write comes.
/// </summary>
public abstract partial class MetricStoreContract
{
    private static readonly Aggregate[] AllAggregates = Enum.GetValues<Aggregate>();

    // Whole hours read hourly rollups, whole minutes 1-minute rollups (or memory), seconds raw points.
    private static readonly TimeSpan[] EveryResolution =
        [TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30)];

    [Fact]
    public async Task Append_SamePointTwiceInOneFlush_StoredOnce()
    {
        var point = Points.Count("tianhe", 5, Points.Monday.AddMinutes(3));

        Store.Append([point]);
        Store.Append([point]);
        await Store.FlushAsync(CancellationToken.None);

        await AssertStoredAsync(Store, [point]);
    }

    [Fact]
    public async Task Append_SamePointsInTwoFlushes_StoredOnce()
    {
        var points = TwoDistrictsTenMinutes();

        await WriteAsync(points);
        await WriteAsync(points);

        await AssertStoredAsync(Store, points);
    }

    [Fact]
    public async Task Append_BatchHoldingTheSameKeyTwice_TheLaterOneWins()
    {
        var first = Points.Count("tianhe", 1, Points.Monday.AddMinutes(2));
        var other = Points.Count("liwan", 2, Points.Monday.AddMinutes(2));
        var second = first with { Value = 7 };

        await WriteAsync([first, other, second]);

        await AssertStoredAsync(Store, [other, second]);
    }

    [Theory]
    [InlineData(Aggregate.Mean, 8)]
    [InlineData(Aggregate.Sum, 80)]
    [InlineData(Aggregate.Min, -1)]
    [InlineData(Aggregate.Max, 40)]
    [InlineData(Aggregate.Count, 10)]
    [InlineData(Aggregate.Last, -1)]
    public async Task Append_RewriteWithAnotherValue_TheLastValueCountsInEveryAggregate(Aggregate aggregate, double expected)
    {
        var points = TwoDistrictsTenMinutes();
        await WriteAsync(points);
        MetricPoint[] rewrites =
        [
            Points.Count("tianhe", 40, Points.Monday.AddMinutes(3)),
            Points.Count("tianhe", -1, Points.Monday.AddMinutes(9)),
            Points.Count("liwan", 0.5, Points.Monday),
        ];

        await WriteAsync(rewrites);

        // tianhe/hotline held 1..10: minute 3 (4) became 40 and minute 9 (10, the last) became -1.
        var hourly = await Store.QueryAsync(
            Query(aggregate) with { Bucket = TimeSpan.FromHours(1), TagFilters = Filter(("region", ["tianhe"]), ("channel", ["hotline"])) },
            CancellationToken.None);
        Assert.Equal(expected, Assert.Single(Assert.Single(hourly.Series).Points).Value, 9);
        await AssertStoredAsync(Store, LastWriteWins([.. points, .. rewrites]), aggregate);
    }

    [Fact]
    public async Task Append_RewriteOfAnOldMinuteWhileNewerMinutesExist_OnlyThatMinuteChanges()
    {
        var points = TwoDistrictsTenMinutes();
        await WriteAsync(points);
        MetricPoint[] later = [.. Enumerable.Range(10, 20).Select(m => Points.Count("tianhe", m + 1, Points.Monday.AddMinutes(m)))];
        await WriteAsync(later);
        MetricPoint[] rewrites = [Points.Count("tianhe", 30, Points.Monday.AddMinutes(2)), Points.Count("tianhe", 31, Points.Monday.AddMinutes(30))];

        await WriteAsync(rewrites);

        await AssertStoredAsync(Store, LastWriteWins([.. points, .. later, .. rewrites]));
    }

    /// <summary>The points a store must hold after <paramref name="written"/>, in order: the last of each key.</summary>
    internal static MetricPoint[] LastWriteWins(IEnumerable<MetricPoint> written) =>
    [
        .. written
            .GroupBy(p => (p.Series, p.Field, p.TimestampNs))
            .Select(g => g.Last()),
    ];

    /// <summary>
    /// Asserts that the store answers as if it held exactly <paramref name="stored"/>: every aggregate (or the one
    /// given) of the complaint counts per region and channel, from every resolution, and each series' point count and
    /// newest time. The points must lie in the hour <see cref="Query"/> covers.
    /// </summary>
    protected static async Task AssertStoredAsync(IMetricStore store, IReadOnlyCollection<MetricPoint> stored, Aggregate? only = null)
    {
        var complaints = stored.Where(p => p.Series.Measurement == MetricNames.Complaints && p.Field == MetricNames.CountField).ToList();
        foreach (var aggregate in only is { } one ? [one] : AllAggregates)
        {
            foreach (var bucket in EveryResolution)
            {
                var bucketNs = UnixTime.ToNanos(bucket);
                var expected = complaints
                    .GroupBy(p => (Region: p.Series.GetTag("region")!, Channel: p.Series.GetTag("channel")!))
                    .OrderBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Channel, StringComparer.Ordinal)
                    .Select(g => (g.Key, Points: g.GroupBy(p => p.TimestampNs / bucketNs * bucketNs).OrderBy(b => b.Key)
                        .Select(b => (Time: UnixTime.ToDateTimeOffset(b.Key), Value: Apply(aggregate, b))).ToList()))
                    .ToList();

                var result = await store.QueryAsync(Query(aggregate, "region", "channel") with { Bucket = bucket }, CancellationToken.None);

                var because = $"{aggregate} in {bucket} buckets";
                Assert.True(
                    expected.Select(e => (e.Key.Region, e.Key.Channel)).SequenceEqual(result.Series.Select(s => (s.Group["region"], s.Group["channel"]))),
                    because);
                foreach (var (want, got) in expected.Zip(result.Series))
                {
                    Assert.True(want.Points.Select(p => p.Time).SequenceEqual(got.Points.Select(p => p.Time)), because);
                    foreach (var (wantPoint, gotPoint) in want.Points.Zip(got.Points))
                    {
                        Assert.True(Math.Abs(wantPoint.Value - gotPoint.Value) < 1e-9, $"{because} at {wantPoint.Time:O}: {gotPoint.Value}, expected {wantPoint.Value}");
                    }
                }
            }
        }

        var series = await store.ListSeriesAsync(MetricNames.Complaints, CancellationToken.None);
        var expectedSeries = complaints
            .GroupBy(p => p.Series)
            .Select(g => (g.Key.Canonical, (long)g.Count(), UnixTime.ToDateTimeOffset(g.Max(p => p.TimestampNs))))
            .OrderBy(s => s.Canonical, StringComparer.Ordinal);
        Assert.Equal(
            expectedSeries,
            series.Select(s => (SeriesKey.Create(s.Measurement, s.Tags).Canonical, s.PointCount, s.LastTimestamp)).OrderBy(s => s.Canonical, StringComparer.Ordinal));
    }
}
