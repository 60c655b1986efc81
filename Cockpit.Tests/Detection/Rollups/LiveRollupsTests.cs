using Cockpit.Detection;
using Cockpit.Detection.Rollups;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Detection.Rollups;

public sealed class LiveRollupsTests
{
    private readonly TestScheduler _scheduler = new();

    private LiveRollups Rollups(int buckets = 10) => new(
        _scheduler,
        Options.Create(new DetectionOptions { RollupBucket = TimeSpan.FromMinutes(1), RollupBuckets = buckets, UiThrottle = TimeSpan.FromSeconds(1) }));

    [Fact]
    public void Observe_PointsInOneBucket_SummedPerDistrict()
    {
        using var rollups = Rollups();
        rollups.Observe(Points.Count("tianhe", 3, Points.Monday.AddSeconds(10)));
        rollups.Observe(Points.Count("tianhe", 4, Points.Monday.AddSeconds(50), channel: "app"));
        rollups.Observe(Points.Count("liwan", 1, Points.Monday.AddSeconds(20)));

        var bucket = Assert.Single(rollups.Read(RollupMetric.Complaints, "tianhe", 10));

        Assert.Equal(new RollupBucket(Points.Monday, 7, 2, 4), bucket);
        Assert.Equal(["liwan", "tianhe"], rollups.Regions);
        Assert.Equal(Points.Monday, rollups.Newest);
    }

    [Fact]
    public void Observe_LongerThanCapacity_KeepsOnlyTheLastBuckets()
    {
        using var rollups = Rollups(buckets: 10);
        for (var minute = 0; minute < 1_000; minute++)
        {
            rollups.Observe(Points.Count("tianhe", minute, Points.Monday.AddMinutes(minute)));
        }

        var buckets = rollups.Read(RollupMetric.Complaints, "tianhe", 100);

        Assert.Equal(10, buckets.Count);
        Assert.Equal(Enumerable.Range(990, 10).Select(m => (double)m), buckets.Select(b => b.Sum));
    }

    [Fact]
    public void Observe_PointOlderThanTheRing_Dropped()
    {
        using var rollups = Rollups(buckets: 10);
        rollups.Observe(Points.Count("tianhe", 1, Points.Monday.AddMinutes(100)));

        rollups.Observe(Points.Count("tianhe", 1, Points.Monday.AddMinutes(50)));
        rollups.Observe(Points.Count("tianhe", 5, Points.Monday.AddMinutes(95)));

        Assert.Equal([5.0, 1.0], rollups.Read(RollupMetric.Complaints, "tianhe", 10).Select(b => b.Sum));
    }

    [Fact]
    public void Observe_OtherFields_NotRolledUp()
    {
        using var rollups = Rollups();
        rollups.Observe(Points.At(SeriesKey.Create("weather", ("region", "tianhe")), "temp", 20, Points.Monday));
        rollups.Observe(Points.At(SeriesKey.Create(MetricNames.Complaints), MetricNames.CountField, 20, Points.Monday));

        Assert.Empty(rollups.Regions);
        Assert.Null(rollups.Newest);
    }

    [Fact]
    public void Subscribe_PointsEveryHundredMilliseconds_NotifiedAtOnceThenOncePerSecond()
    {
        using var rollups = Rollups();
        var calls = new List<long>();
        using var subscription = rollups.Subscribe(() => calls.Add(_scheduler.Clock));

        for (var i = 0; i < 30; i++)
        {
            rollups.Observe(Points.Count("tianhe", 1, Points.Monday.AddMinutes(i)));
            _scheduler.Advance(TimeSpan.FromMilliseconds(100));
        }

        _scheduler.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([0, 1, 2, 3], calls.Select(t => TimeSpan.FromTicks(t).TotalSeconds));
    }
}
