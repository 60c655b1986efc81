using System.ComponentModel.DataAnnotations;
using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class LevelShiftDetectorTests
{
    private static LevelShiftDetector Detector(bool countData = false, double freezeFraction = 0.25) =>
        new(new LevelShiftDetectorOptions { CountData = countData, FreezeFraction = freezeFraction });

    private static double[] WithStep(double[] values, int from, double step)
    {
        for (var i = from; i < values.Length; i++)
        {
            values[i] += step;
        }

        return values;
    }

    private static double[] WithDecline(double[] values, int from, double perPoint)
    {
        for (var i = from; i < values.Length; i++)
        {
            values[i] -= perPoint * (i - from);
        }

        return values;
    }

    [Fact]
    public void Observe_BeforeMinHistory_ReturnsNone()
    {
        var readings = Feed(Detector(), Gaussian(1, 40, 100));

        Assert.All(readings.Take(30), r => Assert.False(r.HasOpinion));
        Assert.All(readings.Skip(30), r => Assert.True(r.HasOpinion));
        Assert.InRange(readings[^1].Expected, 99.5, 100.5);
        Assert.True(readings[^1].Lower < 95 && readings[^1].Upper > 105, $"{readings[^1]}");
    }

    [Fact]
    public void Observe_HugeSpike_ScoresAtTheSpike()
    {
        var values = Gaussian(2, 201, 100);
        values[200] = 112;

        var spike = Feed(Detector(), values)[200];

        Assert.True(spike.Up >= 0.5, $"{spike}");
    }

    [Fact]
    public void Observe_OnePointFiveSigmaStep_FoundWithinFifteenPoints()
    {
        var readings = Feed(Detector(), WithStep(Gaussian(5, 400, 100), 300, 1.5));

        Assert.InRange(FirstAnomaly(readings, Direction.Up, from: 300), 300, 315);
        Assert.True(MaxScore(readings[..300]) < 0.5);
    }

    [Fact]
    public void Observe_OnePointFiveSigmaStep_FoundInEveryOfFiftyRunsWithinTwelvePointsAtTheMedian()
    {
        var delays = Enumerable.Range(100, 50)
            .Select(seed => FirstAnomaly(Feed(Detector(), WithStep(Gaussian(seed, 400, 100), 300, -1.5)), Direction.Down, 300))
            .Select(found => found < 0 ? int.MaxValue : found - 300)
            .Order()
            .ToArray();

        Assert.True(delays[^1] <= 40, string.Join(",", delays));
        Assert.True(delays[25] <= 12, string.Join(",", delays));
    }

    [Fact]
    public void Observe_DeclineOfAPointOnePercentPerInterval_FoundLongBeforeAFixedThreshold()
    {
        // A success rate at 0.98 (σ 0.002) that starts falling 0.001 a minute at point 500: 0.90 is crossed ~80 later.
        var values = WithDecline(Gaussian(6, 700, 0.98, 0.002), 500, 0.001);

        var found = FirstAnomaly(Feed(Detector(), values), Direction.Down, from: 0);
        var thresholdFires = Array.FindIndex(values, v => v < 0.90);

        Assert.InRange(found, 500, 515);
        Assert.True(found - 500 < (thresholdFires - 500) / 4, $"found at {found}, threshold at {thresholdFires}");
    }

    [Fact]
    public void Observe_SlowDrift_FoundBecauseTheBaselineFreezes()
    {
        // 0.001 % of the level per point, a twentieth of σ every ten points: an EWMA baseline would simply follow it.
        var values = WithDecline(Gaussian(1, 20_000, 0.98, 0.002), 500, 0.00001);

        var frozen = FirstAnomaly(Feed(Detector(), values), Direction.Down);
        var following = FirstAnomaly(Feed(Detector(freezeFraction: 1), values), Direction.Down);
        var thresholdFires = Array.FindIndex(values, v => v < 0.90);

        Assert.InRange(frozen, 500, 1_000);
        Assert.True(following < 0 || following > 3_000, $"without freezing found at {following}");
        Assert.True(frozen - 500 < (thresholdFires - 500) / 10, $"found at {frozen}, threshold at {thresholdFires}");
    }

    [Fact]
    public void Observe_LastingShift_RebaselinedAfterTheAlarmPersists()
    {
        var readings = Feed(Detector(), WithStep(Gaussian(7, 600, 100), 300, 5));

        var found = FirstAnomaly(readings, Direction.Up, 300);
        Assert.InRange(found, 300, 305);
        Assert.All(readings[found..(found + 30)], r => Assert.True(r.Up >= 0.5, $"{r}"));
        Assert.True(MaxScore(readings, from: found + 31) < 0.5, $"max after re-baselining {MaxScore(readings, found + 31)}");
        Assert.InRange(readings[^1].Expected, 104.5, 105.5);
    }

    [Fact]
    public void Observe_NonFiniteAndLatePoints_ReturnNoneAndChangeNothing()
    {
        var values = WithStep(Gaussian(8, 400, 100), 200, 3);

        var (clean, disturbed, extras) = FeedWithAndWithoutJunk(() => Detector(), values);

        Assert.All(extras, r => Assert.Equal(DetectorReading.None, r));
        Assert.Equal(clean, disturbed);
        Assert.True(MaxScore(clean) >= 0.5);
    }

    [Fact]
    public void Options_Defaults_PassValidation()
    {
        var options = new LevelShiftDetectorOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}
