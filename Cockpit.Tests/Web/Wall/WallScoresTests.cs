using System.Reactive.Subjects;
using Cockpit.Detection.Pipeline;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;
using Cockpit.Web.Wall;

namespace Cockpit.Tests.Web.Wall;

public sealed class WallScoresTests : IDisposable
{
    private readonly Subject<ScoredValue> _feed = new();
    private readonly WallScores _scores;

    public WallScoresTests()
    {
        _scores = new WallScores(_feed, WallTestOptions.Create());
        _scores.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _scores.Dispose();
        _feed.Dispose();
    }

    private static long Ns(DateTimeOffset time) => UnixTime.ToNanos(time);

    private void Surge(string region, int minute, double value, double score, double expected = 10) =>
        _feed.OnNext(new ScoredValue("complaint-surge", "complaint-surge|complaints|" + region, Ns(Points.Monday.AddMinutes(minute)), value, score, expected, expected - 3, expected + 3) { Measurement = "complaints", Labels = [new("region", region)] });

    private void Latency(string region, int minute, double score) =>
        _feed.OnNext(new ScoredValue("network-latency", $"network-latency|network,cell={region}-1,region={region}|latency_ms", Ns(Points.Monday.AddMinutes(minute)), 40, score, 40, 30, 50) { Measurement = "network", Labels = [new("cell", region + "-1"), new("region", region)] });

    [Fact]
    public void Observe_GroupedByRegionRule_KeepsItsBandPerDistrict()
    {
        Surge("tianhe", 0, 12, 0.1);
        Surge("tianhe", 1, 30, 0.9, expected: 11);
        Surge("liwan", 1, 5, 0.0);

        var band = _scores.Band("complaint-surge", "tianhe");

        Assert.Equal([Points.Monday.ToUnixTimeMilliseconds(), Points.Monday.AddMinutes(1).ToUnixTimeMilliseconds()], band.Select(p => p.TimeMs));
        Assert.Equal(new BandPoint(Points.Monday.AddMinutes(1).ToUnixTimeMilliseconds(), 30, 11, 8, 14), band[1]);
        Assert.Single(_scores.Band("complaint-surge", "liwan"));
        Assert.Empty(_scores.Band("network-latency", "tianhe"));
        Assert.Equal(["complaint-surge"], _scores.BandRules);
        Assert.Equal("complaint-surge", _scores.BandRuleFor(MetricNames.Complaints));
        Assert.Null(_scores.BandRuleFor(MetricNames.Network));
    }

    [Fact]
    public void Heat_MaxScorePerDistrictAndFamilyOverTheLastMinutes_NaNWhereNothingScored()
    {
        Surge("tianhe", 0, 30, 0.9);
        Surge("tianhe", 1, 12, 0.2);
        Latency("tianhe", 1, 0.4);
        Latency("liwan", 1, 0.1);

        var heat = _scores.Heat(["tianhe", "liwan", "nansha"]);

        Assert.Equal([0.9, double.NaN, 0.4], heat[0]);
        Assert.Equal([double.NaN, double.NaN, 0.1], heat[1]);
        Assert.All(heat[2], s => Assert.True(double.IsNaN(s)));
    }

    [Fact]
    public void Heat_ScoreOlderThanTheWindow_NoLongerCounts()
    {
        Surge("tianhe", 0, 30, 0.9);
        Surge("tianhe", 4, 12, 0.2);
        Assert.Equal(0.9, _scores.Heat(["tianhe"])[0][0]);

        Surge("tianhe", 5, 12, 0.1);

        Assert.Equal(0.2, _scores.Heat(["tianhe"])[0][0]);
    }

    [Fact]
    public void Heat_BucketedRule_ScoreCountsFromItsBucketsEndForAWholeBucket()
    {
        // A 15-minute bucket starting at 00:00 is scored when it closes: it describes 00:00–00:15.
        _feed.OnNext(new ScoredValue("success-rate-decline", "success-rate-decline|business,business_type=repair,region=tianhe|successes", Ns(Points.Monday), 80, 0.7, 95, 90, 99) { Measurement = "business", Labels = [new("business_type", "repair"), new("region", "tianhe")] });
        Latency("liwan", 15, 0.0);
        Assert.Equal(0.7, _scores.Heat(["tianhe"])[0][1]);

        Latency("liwan", 29, 0.0);
        Assert.Equal(0.7, _scores.Heat(["tianhe"])[0][1]);

        Latency("liwan", 31, 0.0);
        Assert.True(double.IsNaN(_scores.Heat(["tianhe"])[0][1]));
    }

    [Fact]
    public void Observe_WarmingUpScore_NoHeatButBandKept()
    {
        Surge("tianhe", 0, 12, double.NaN, expected: double.NaN);

        Assert.True(double.IsNaN(_scores.Heat(["tianhe"])[0][0]));
        Assert.Single(_scores.Band("complaint-surge", "tianhe"));
    }

    [Fact]
    public void Observe_UnknownRuleOrSubjectWithoutDistrict_Ignored()
    {
        _feed.OnNext(new ScoredValue("other", "other|complaints|tianhe", 0, 1, 1, 1, 0, 2) { Measurement = "complaints", Labels = [new("region", "tianhe")] });
        _feed.OnNext(new ScoredValue("network-latency", "network-latency|network,cell=a|latency_ms", 0, 1, 1, 1, 0, 2) { Measurement = "network", Labels = [new("cell", "a")] });

        Assert.Equal((0, 0, 1), _scores.Sizes);
    }

    [Fact]
    public void Observe_TenThousandUpdatesOverManyDistricts_EveryBufferStaysBounded()
    {
        var options = WallTestOptions.Create();
        for (var i = 0; i < 10_000; i++)
        {
            var region = "d" + (i % 80);
            Surge(region, i / 10, i % 50, (i % 10) / 10.0);
            Latency(region, i / 10, 0.3);
        }

        var (bands, cells, subjects) = _scores.Sizes;
        Assert.Equal(options.MaxRollupRegions, bands);
        Assert.True(_scores.BandPointCount <= options.MaxRollupRegions * WallScores.BandCapacity, $"{_scores.BandPointCount} band points");
        Assert.Equal(2 * options.MaxRollupRegions, cells);
        Assert.True(subjects <= 160, $"{subjects} cached subjects");
        Assert.Equal(WallScores.BandCapacity, _scores.Band("complaint-surge", "d1").Count);
    }

    [Fact]
    public void Observe_LateValueForABand_Dropped()
    {
        Surge("tianhe", 5, 12, 0.1);
        Surge("tianhe", 3, 40, 0.9);

        Assert.Equal([12.0], _scores.Band("complaint-surge", "tianhe").Select(p => p.Value));
    }

    [Fact]
    public void Dispose_StopsListening()
    {
        _scores.Dispose();

        Surge("tianhe", 0, 12, 0.1);

        Assert.Empty(_scores.Band("complaint-surge", "tianhe"));
    }
}
