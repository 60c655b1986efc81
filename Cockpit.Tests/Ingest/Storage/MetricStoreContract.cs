using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Ingest.Storage;

/// <summary>
/// What every <see cref="IMetricStore"/> must answer, and answer alike: one subclass per implementation opens it.
/// Expected values are computed here from the points written, never copied from a store's output.
/// </summary>
public abstract partial class MetricStoreContract : IAsyncLifetime
{
    private IMetricStore? _store;

    /// <summary>The stores' clock: a day after the Monday the data is written at.</summary>
    protected FakeTimeProvider Time { get; } = new(Points.Monday.AddDays(1));

    protected IMetricStore Store => _store ?? throw new InvalidOperationException("The store is not open.");

    /// <summary>Opens a new, empty store on <see cref="Time"/> with the given retention.</summary>
    protected abstract Task<IMetricStore> OpenAsync(RetentionOptions retention);

    public virtual async Task InitializeAsync() => _store = await OpenAsync(new RetentionOptions());

    public virtual async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    private async Task WriteAsync(IEnumerable<MetricPoint> points)
    {
        Store.Append(points.ToArray());
        await Store.FlushAsync(CancellationToken.None);
    }

    internal static MetricQuery Query(Aggregate aggregate, params string[] groupBy) => new()
    {
        Measurement = MetricNames.Complaints,
        Field = MetricNames.CountField,
        From = Points.Monday,
        To = Points.Monday.AddHours(1),
        Bucket = TimeSpan.FromMinutes(5),
        Aggregate = aggregate,
        GroupBy = groupBy,
    };

    private static Dictionary<string, IReadOnlyList<string>> Filter(params (string Key, string[] Values)[] filters) =>
        filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Values, StringComparer.Ordinal);

    // tianhe/hotline 1..10, tianhe/app 100 each, liwan/hotline 2 each: one point a minute for ten minutes.
    internal static MetricPoint[] TwoDistrictsTenMinutes() =>
    [
        .. Enumerable.Range(0, 10).Select(m => Points.Count("tianhe", m + 1, Points.Monday.AddMinutes(m))),
        .. Enumerable.Range(0, 10).Select(m => Points.Count("tianhe", 100, Points.Monday.AddMinutes(m), channel: "app")),
        .. Enumerable.Range(0, 10).Select(m => Points.Count("liwan", 2, Points.Monday.AddMinutes(m))),
    ];

    [Theory]
    [InlineData(Aggregate.Mean, 5.5)]
    [InlineData(Aggregate.Sum, 55)]
    [InlineData(Aggregate.Min, 1)]
    [InlineData(Aggregate.Max, 10)]
    [InlineData(Aggregate.Count, 10)]
    [InlineData(Aggregate.Last, 10)]
    public async Task Query_EachAggregate_OverOneFilteredSeries(Aggregate aggregate, double expected)
    {
        await WriteAsync(TwoDistrictsTenMinutes());

        var result = await Store.QueryAsync(
            Query(aggregate) with { Bucket = TimeSpan.FromHours(1), TagFilters = Filter(("region", ["tianhe"]), ("channel", ["hotline"])) },
            CancellationToken.None);

        var only = Assert.Single(Assert.Single(result.Series).Points);
        Assert.Equal(Points.Monday, only.Time);
        Assert.Equal(expected, only.Value, 9);
    }

    [Fact]
    public async Task Query_GroupByRegion_OneSeriesPerDistrictInTagOrder()
    {
        await WriteAsync(TwoDistrictsTenMinutes());

        var result = await Store.QueryAsync(Query(Aggregate.Sum, "region"), CancellationToken.None);

        Assert.Equal(["liwan", "tianhe"], result.Series.Select(s => s.Group["region"]));
        Assert.Equal([10.0, 10.0], result.Series[0].Points.Select(p => p.Value));
        var tianhe = result.Series[1].Points;
        Assert.Equal([Points.Monday, Points.Monday.AddMinutes(5)], tianhe.Select(p => p.Time));
        Assert.Equal([1 + 2 + 3 + 4 + 5 + 500.0, 6 + 7 + 8 + 9 + 10 + 500.0], tianhe.Select(p => p.Value));
    }

    [Fact]
    public async Task Query_NoGroupBy_OneSeriesWithAnEmptyGroup()
    {
        await WriteAsync(TwoDistrictsTenMinutes());

        var result = await Store.QueryAsync(Query(Aggregate.Count) with { Bucket = TimeSpan.FromHours(1) }, CancellationToken.None);

        var series = Assert.Single(result.Series);
        Assert.Empty(series.Group);
        Assert.Equal(30.0, Assert.Single(series.Points).Value);
    }

    [Fact]
    public async Task Query_GroupByTwoTags_SeriesWithoutTheTagGroupedUnderEmptyValue()
    {
        await WriteAsync(
        [
            Points.Count("tianhe", 1, Points.Monday),
            Points.Count("tianhe", 2, Points.Monday, channel: "app"),
            Points.At(SeriesKey.Create(MetricNames.Complaints, ("region", "tianhe")), MetricNames.CountField, 4, Points.Monday),
        ]);

        var result = await Store.QueryAsync(Query(Aggregate.Sum, "region", "channel"), CancellationToken.None);

        Assert.Equal(
            [("tianhe", "", 4.0), ("tianhe", "app", 2.0), ("tianhe", "hotline", 1.0)],
            result.Series.Select(s => (s.Group["region"], s.Group["channel"], Assert.Single(s.Points).Value)));
    }

    [Fact]
    public async Task Query_FilterValues_AnyOfTheValuesAndEveryKey()
    {
        await WriteAsync(
        [
            .. TwoDistrictsTenMinutes(),
            .. Enumerable.Range(0, 10).Select(m => Points.Count("haizhu", 1000, Points.Monday.AddMinutes(m))),
        ]);

        var both = await Store.QueryAsync(
            Query(Aggregate.Sum) with { Bucket = TimeSpan.FromHours(1), TagFilters = Filter(("region", ["tianhe", "haizhu"])) },
            CancellationToken.None);
        var bothHotline = await Store.QueryAsync(
            Query(Aggregate.Sum) with { Bucket = TimeSpan.FromHours(1), TagFilters = Filter(("region", ["tianhe", "haizhu"]), ("channel", ["hotline"])) },
            CancellationToken.None);
        var none = await Store.QueryAsync(
            Query(Aggregate.Sum) with { TagFilters = Filter(("region", ["nansha"])) },
            CancellationToken.None);

        Assert.Equal(55 + 1000 + 10_000.0, Assert.Single(Assert.Single(both.Series).Points).Value);
        Assert.Equal(55 + 10_000.0, Assert.Single(Assert.Single(bothHotline.Series).Points).Value);
        Assert.Empty(none.Series);
    }

    [Fact]
    public async Task Query_Range_FromInclusiveToExclusiveAndBucketsAlignedToTheEpoch()
    {
        await WriteAsync(TwoDistrictsTenMinutes());

        var result = await Store.QueryAsync(
            Query(Aggregate.Sum) with
            {
                From = Points.Monday.AddMinutes(3),
                To = Points.Monday.AddMinutes(7),
                TagFilters = Filter(("region", ["tianhe"]), ("channel", ["hotline"])),
            },
            CancellationToken.None);

        // Minutes 3..6 hold 4..7: bucket 0 (minutes 0-4) gets 4 + 5, bucket 5 gets 6 + 7.
        var points = Assert.Single(result.Series).Points;
        Assert.Equal([Points.Monday, Points.Monday.AddMinutes(5)], points.Select(p => p.Time));
        Assert.Equal([9.0, 13.0], points.Select(p => p.Value));
    }

    [Fact]
    public async Task Query_GapsInTheData_EmptyBucketsOmitted()
    {
        await WriteAsync([Points.Count("tianhe", 1, Points.Monday), Points.Count("tianhe", 2, Points.Monday.AddMinutes(40))]);

        var result = await Store.QueryAsync(Query(Aggregate.Sum), CancellationToken.None);

        Assert.Equal([Points.Monday, Points.Monday.AddMinutes(40)], Assert.Single(result.Series).Points.Select(p => p.Time));
    }

    [Fact]
    public async Task Query_UnknownMeasurementOrField_NoSeries()
    {
        await WriteAsync(TwoDistrictsTenMinutes());

        Assert.Empty((await Store.QueryAsync(Query(Aggregate.Sum) with { Measurement = "nothing" }, CancellationToken.None)).Series);
        Assert.Empty((await Store.QueryAsync(Query(Aggregate.Sum) with { Field = "nothing" }, CancellationToken.None)).Series);
    }

    [Fact]
    public async Task Query_TagsWithQuotesEscapesAndChinese_TreatedAsData()
    {
        var weird = SeriesKey.Create("m x,y", ("we\"ird'key", "v'1\\ \"2\""), ("区", "天河 区,=x"));
        await WriteAsync([Points.At(weird, "f 1", 3, Points.Monday), Points.At(weird, "f 1", 4, Points.Monday.AddSeconds(1))]);

        var result = await Store.QueryAsync(
            new MetricQuery
            {
                Measurement = "m x,y",
                Field = "f 1",
                From = Points.Monday,
                To = Points.Monday.AddMinutes(1),
                Bucket = TimeSpan.FromMinutes(1),
                Aggregate = Aggregate.Sum,
                GroupBy = ["we\"ird'key", "区"],
                TagFilters = Filter(("we\"ird'key", ["v'1\\ \"2\""]), ("区", ["天河 区,=x"])),
            },
            CancellationToken.None);

        var series = Assert.Single(result.Series);
        Assert.Equal("v'1\\ \"2\"", series.Group["we\"ird'key"]);
        Assert.Equal("天河 区,=x", series.Group["区"]);
        Assert.Equal(7.0, Assert.Single(series.Points).Value);
        Assert.Equal(["天河 区,=x"], await Store.ListTagValuesAsync("m x,y", "区", CancellationToken.None));
    }

    [Fact]
    public async Task Query_PointsArrivingOutOfOrder_LastIsTheNewestInTime()
    {
        var series = Points.Complaints("tianhe");
        await WriteAsync([Points.At(series, "count", 9, Points.Monday.AddMinutes(2)), Points.At(series, "count", 1, Points.Monday.AddMinutes(1))]);
        await WriteAsync([Points.At(series, "count", 5, Points.Monday)]);

        var last = await Store.QueryAsync(Query(Aggregate.Last) with { Bucket = TimeSpan.FromHours(1) }, CancellationToken.None);
        var count = await Store.QueryAsync(Query(Aggregate.Count) with { Bucket = TimeSpan.FromHours(1) }, CancellationToken.None);

        Assert.Equal(9.0, Assert.Single(Assert.Single(last.Series).Points).Value);
        Assert.Equal(3.0, Assert.Single(Assert.Single(count.Series).Points).Value);
    }

    [Theory]
    [InlineData(Aggregate.Mean)]
    [InlineData(Aggregate.Sum)]
    [InlineData(Aggregate.Min)]
    [InlineData(Aggregate.Max)]
    [InlineData(Aggregate.Count)]
    [InlineData(Aggregate.Last)]
    public async Task Query_ThreeDaysEveryTwentySeconds_MatchesTheAggregateComputedHere(Aggregate aggregate)
    {
        // Several points a minute over days, queried over ranges that start and end mid-minute and mid-hour:
        // whatever resolution a store answers from, the figures must be those of the raw points.
        var start = Points.Monday.AddDays(-3);
        var points = new List<MetricPoint>();
        var random = new Random(4);
        foreach (var region in new[] { "tianhe", "liwan", "haizhu" })
        {
            for (var t = start; t < Points.Monday; t = t.AddSeconds(20))
            {
                points.Add(Points.Count(region, Math.Round(random.NextDouble() * 100, 3), t));
            }
        }

        await WriteAsync(points);
        var from = start.AddHours(5).AddMinutes(7).AddSeconds(30);
        var to = Points.Monday.AddMinutes(-13).AddSeconds(-10);

        foreach (var bucket in new[] { TimeSpan.FromHours(6), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(40) })
        {
            var query = Query(aggregate, "region") with { From = from, To = to, Bucket = bucket };
            var result = await Store.QueryAsync(query, CancellationToken.None);

            var expected = points
                .Where(p => p.TimestampNs >= UnixTime.ToNanos(from) && p.TimestampNs < UnixTime.ToNanos(to))
                .GroupBy(p => p.Series.GetTag("region")!, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.GroupBy(p => p.TimestampNs / UnixTime.ToNanos(bucket) * UnixTime.ToNanos(bucket)).OrderBy(b => b.Key)
                    .Select(b => (UnixTime.ToDateTimeOffset(b.Key), Apply(aggregate, b))).ToList()))
                .ToList();
            Assert.Equal(expected.Select(e => e.Key), result.Series.Select(s => s.Group["region"]));
            for (var i = 0; i < expected.Count; i++)
            {
                var actual = result.Series[i].Points;
                Assert.Equal(expected[i].Item2.Select(e => e.Item1), actual.Select(p => p.Time));
                for (var j = 0; j < actual.Count; j++)
                {
                    Assert.Equal(expected[i].Item2[j].Item2, actual[j].Value, 6);
                }
            }
        }
    }

    private static double Apply(Aggregate aggregate, IEnumerable<MetricPoint> points) => aggregate switch
    {
        Aggregate.Mean => points.Average(p => p.Value),
        Aggregate.Sum => points.Sum(p => p.Value),
        Aggregate.Min => points.Min(p => p.Value),
        Aggregate.Max => points.Max(p => p.Value),
        Aggregate.Count => points.Count(),
        Aggregate.Last => points.MaxBy(p => p.TimestampNs).Value,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate)),
    };

    [Fact]
    public async Task ListSeries_EachFieldSeriesWithItsCountAndNewestTime()
    {
        var business = SeriesKey.Create(MetricNames.Business, ("region", "tianhe"), ("business_type", "repair"));
        await WriteAsync(
        [
            .. TwoDistrictsTenMinutes(),
            Points.At(business, "attempts", 10, Points.Monday),
            Points.At(business, "successes", 9, Points.Monday.AddMinutes(3)),
        ]);

        var complaints = await Store.ListSeriesAsync(MetricNames.Complaints, CancellationToken.None);
        var all = await Store.ListSeriesAsync(null, CancellationToken.None);

        Assert.Equal(3, complaints.Count);
        Assert.All(complaints, s => Assert.Equal((MetricNames.Complaints, "count", 10L, Points.Monday.AddMinutes(9)), (s.Measurement, s.Field, s.PointCount, s.LastTimestamp)));
        // Ordered as InfluxDB orders series keys: tags sorted by key, then compared as text.
        Assert.Equal(
            [("tianhe", "app"), ("liwan", "hotline"), ("tianhe", "hotline")],
            complaints.Select(s => (s.Tags["region"], s.Tags["channel"])));
        Assert.Equal(
            [("business", "attempts", Points.Monday), ("business", "successes", Points.Monday.AddMinutes(3))],
            all.Take(2).Select(s => (s.Measurement, s.Field, s.LastTimestamp)));
        Assert.Equal(5, all.Count);
        Assert.Empty(await Store.ListSeriesAsync("network", CancellationToken.None));
    }

    [Fact]
    public async Task ListTagValues_DistinctInOrdinalOrder()
    {
        await WriteAsync([.. TwoDistrictsTenMinutes(), Points.Count("haizhu", 1, Points.Monday)]);

        Assert.Equal(["haizhu", "liwan", "tianhe"], await Store.ListTagValuesAsync(MetricNames.Complaints, "region", CancellationToken.None));
        Assert.Equal(["app", "hotline"], await Store.ListTagValuesAsync(MetricNames.Complaints, "channel", CancellationToken.None));
        Assert.Empty(await Store.ListTagValuesAsync(MetricNames.Complaints, "nothing", CancellationToken.None));
        Assert.Empty(await Store.ListTagValuesAsync("nothing", "region", CancellationToken.None));
    }

    [Fact]
    public async Task ApplyRetention_NothingOlderThanTheLongestRetentionSurvives()
    {
        var retention = new RetentionOptions { Raw = TimeSpan.FromDays(2), Minute = TimeSpan.FromDays(3), Hour = TimeSpan.FromDays(5) };
        await using var store = await OpenAsync(retention);
        var now = Time.GetUtcNow();
        store.Append(
        [
            Points.Count("tianhe", 1, now.AddDays(-6)),
            Points.Count("tianhe", 2, now.AddDays(-1)),
        ]);
        await store.FlushAsync(CancellationToken.None);

        await store.ApplyRetentionAsync(CancellationToken.None);

        var result = await store.QueryAsync(
            Query(Aggregate.Sum) with { From = now.AddDays(-10), To = now, Bucket = TimeSpan.FromDays(1) },
            CancellationToken.None);
        Assert.Equal(2.0, Assert.Single(Assert.Single(result.Series).Points).Value);
    }

    [Fact]
    public async Task Query_InvalidRange_ClearError()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.QueryAsync(Query(Aggregate.Sum) with { To = Points.Monday }, CancellationToken.None));
        Assert.Contains("must be after", ex.Message, StringComparison.Ordinal);
    }
}
