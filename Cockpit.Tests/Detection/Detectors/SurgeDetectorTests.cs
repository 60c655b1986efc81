using System.ComponentModel.DataAnnotations;
using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class SurgeDetectorTests
{
    private static SurgeDetector Detector(bool countData = false) => new(new SurgeDetectorOptions { CountData = countData });

    [Fact]
    public void Observe_BeforeMinHistory_ReturnsNone()
    {
        var readings = Feed(Detector(), Gaussian(1, 20, 100));

        Assert.All(readings.Take(16), r => Assert.False(r.HasOpinion));
        Assert.All(readings.Skip(16), r => Assert.True(r.HasOpinion));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(-8)]
    public void Observe_Spike_ScoresAtLeastHalfInItsDirection(double sigmas)
    {
        var values = Gaussian(2, 101, 100);
        values[100] = 100 + sigmas;

        var spike = Feed(Detector(), values)[100];

        Assert.True(spike.Score(sigmas > 0 ? Direction.Up : Direction.Down) >= 0.5, $"{spike}");
        Assert.Equal(0, spike.Score(sigmas > 0 ? Direction.Down : Direction.Up));
        Assert.InRange(spike.Expected, 99.7, 100.3);
        Assert.True(spike.Lower < 95 && spike.Upper > 105, $"{spike}");
    }

    [Fact]
    public void Observe_ValueAtTheBandEdge_ScoresHalf()
    {
        var history = Gaussian(3, 80, 50, 2);
        var detector = Detector();
        var upper = Feed(detector, history)[^1].Upper;
        var twin = Detector();
        Feed(twin, history[..^1]);

        var atEdge = twin.Observe(79 * MinuteNs, upper, new DetectorContext());

        Assert.Equal(0.5, atEdge.Up, 3);
    }

    [Fact]
    public void Observe_SixSigmaStep_FoundWithinFivePoints()
    {
        var values = Gaussian(6, 300, 100);
        for (var i = 200; i < values.Length; i++)
        {
            values[i] += 6;
        }

        var found = FirstAnomaly(Feed(Detector(), values), Direction.Up, from: 200);

        Assert.InRange(found, 200, 205);
    }

    [Fact]
    public void Observe_SixSigmaStep_FoundInEveryOfFiftyRuns()
    {
        var delays = Enumerable.Range(100, 50).Select(seed =>
        {
            var values = Gaussian(seed, 300, 100);
            for (var i = 200; i < values.Length; i++)
            {
                values[i] += 6;
            }

            var found = FirstAnomaly(Feed(Detector(), values), Direction.Up, from: 200);
            return found < 0 ? int.MaxValue : found - 200;
        }).ToArray();

        Assert.All(delays, d => Assert.InRange(d, 0, 10));
        Assert.True(delays.Count(d => d <= 5) >= 45, string.Join(",", delays));
    }

    [Fact]
    public void Observe_DeclineOfAPointOnePercentPerInterval_FoundLongBeforeAFixedThreshold()
    {
        // A success rate at 0.98 (σ 0.002) that starts falling 0.001 a minute at point 200: 0.90 is crossed at 280.
        var values = Gaussian(7, 400, 0.98, 0.002);
        for (var i = 200; i < values.Length; i++)
        {
            values[i] -= 0.001 * (i - 200);
        }

        var found = FirstAnomaly(Feed(Detector(), values), Direction.Down, from: 200);
        var thresholdFires = Array.FindIndex(values, v => v < 0.90);

        Assert.InRange(found, 200, 215);
        Assert.True(found - 200 < (thresholdFires - 200) / 2, $"found at {found}, threshold at {thresholdFires}");
    }

    [Fact]
    public void Observe_LastingShift_AlarmsForHalfAWindowThenBecomesNormal()
    {
        var values = Gaussian(8, 300, 100);
        for (var i = 100; i < values.Length; i++)
        {
            values[i] += 30;
        }

        var readings = Feed(Detector(), values);

        Assert.All(readings[100..131], r => Assert.True(r.Up >= 0.5, $"{r}"));
        Assert.True(MaxScore(readings, from: 132) < 0.5, $"max after acceptance {MaxScore(readings, 132)}");
        Assert.InRange(readings[^1].Expected, 129, 131);
    }

    [Fact]
    public void Observe_HighLevelWithLittleNoise_QuietOnNoiseAndFindsASixSigmaSpike()
    {
        // A million with noise 1, drifting by ten: a float keeps such values to 0.06, the window keeps their offsets
        // from the first value to 2^-9 of the offset.
        var values = Gaussian(12, 1_001, 1_000_000, 1);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += 0.01 * i;
        }

        values[1_000] += 6;

        var readings = Feed(new SurgeDetector(new SurgeDetectorOptions { RelativeScaleFloor = 0 }), values);

        Assert.True(MaxScore(readings[..1_000]) < 0.5, $"max on noise {MaxScore(readings[..1_000])}");
        Assert.True(readings[1_000].Up >= 0.5, $"{readings[1_000]}");
    }

    [Fact]
    public void Observe_ValueRepeatedAfterAnotherFirstOne_ScoresNothing()
    {
        // Kept as offsets from the first value, the repeated value must still be judged equal to its copies in the
        // window: with no spread and no scale floor, any difference would be infinitely anomalous.
        var values = new[] { 0.123 }.Concat(Enumerable.Repeat(0.7, 599)).ToArray();

        var readings = Feed(new SurgeDetector(new SurgeDetectorOptions { RelativeScaleFloor = 0 }), values);

        Assert.Equal(0, MaxScore(readings));
    }

    [Fact]
    public void Observe_NonFiniteAndLatePoints_ReturnNoneAndChangeNothing()
    {
        var values = Gaussian(9, 300, 100);
        values[150] = 120;

        var (clean, disturbed, extras) = FeedWithAndWithoutJunk(() => Detector(), values);

        Assert.All(extras, r => Assert.Equal(DetectorReading.None, r));
        Assert.Equal(clean, disturbed);
    }

    [Fact]
    public void Observe_HigherSensitivity_FlagsASmallerSpike()
    {
        var values = Gaussian(11, 101, 100);
        values[100] = 104;
        var sensitive = new SurgeDetector(new SurgeDetectorOptions { Sensitivity = 2 });

        var normal = Feed(Detector(), values)[100];
        var flagged = Feed(sensitive, values)[100];

        Assert.True(normal.Up < 0.5, $"{normal}");
        Assert.True(flagged.Up >= 0.5, $"{flagged}");
        Assert.True(flagged.Upper - flagged.Expected < normal.Upper - normal.Expected);
    }

    [Fact]
    public void Options_Defaults_PassValidation()
    {
        var options = new SurgeDetectorOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}
