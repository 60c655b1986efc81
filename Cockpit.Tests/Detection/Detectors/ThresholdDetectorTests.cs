using System.ComponentModel.DataAnnotations;
using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class ThresholdDetectorTests
{
    private static ThresholdDetector SuccessRate() => new(new ThresholdDetectorOptions { Below = 0.90, RecoverAbove = 0.92 });

    private static ThresholdDetector Latency() => new(new ThresholdDetectorOptions { Above = 800, RecoverBelow = 700 });

    [Fact]
    public void Observe_Below_FiresBelowStaysBreachedInTheHysteresisAndRecoversOnlyAbove()
    {
        double[] values = [0.95, 0.905, 0.90, 0.899, 0.91, 0.92, 0.915, 0.921, 0.91, 0.89];

        var down = Feed(SuccessRate(), values).Select(r => r.Down).ToArray();

        Assert.Equal([0, 0, 0, 1, 1, 1, 1, 0, 0, 1], down);
    }

    [Fact]
    public void Observe_Above_FiresAboveStaysBreachedInTheHysteresisAndRecoversOnlyBelow()
    {
        double[] values = [500, 800, 801, 750, 700, 699, 790];

        var up = Feed(Latency(), values).Select(r => r.Up).ToArray();

        Assert.Equal([0, 0, 1, 1, 1, 0, 0], up);
    }

    [Fact]
    public void Observe_WithoutRecoveryLevel_RecoversAcrossTheThreshold()
    {
        var detector = new ThresholdDetector(new ThresholdDetectorOptions { Below = 0.90 });

        var down = Feed(detector, [0.89, 0.90, 0.9001]).Select(r => r.Down).ToArray();

        Assert.Equal([1, 1, 0], down);
    }

    [Fact]
    public void Observe_BothSides_ReportsTheThresholdsAsTheBandAndNoExpectation()
    {
        var detector = new ThresholdDetector(new ThresholdDetectorOptions { Below = 10, Above = 20 });

        var readings = Feed(detector, [15, 25, 5]);

        Assert.Equal(new DetectorReading(0, 0, double.NaN, 10, 20), readings[0]);
        Assert.Equal(new DetectorReading(1, 0, double.NaN, 10, 20), readings[1]);
        Assert.Equal(new DetectorReading(0, 1, double.NaN, 10, 20), readings[2]);
    }

    [Fact]
    public void Observe_DeclineOfAPointOnePercentPerInterval_FiresWhenTheLineIsCrossed()
    {
        // The reference the statistical detectors are compared with: a success rate falling 0.001 a minute from 0.98.
        var values = Gaussian(1, 200, 0.98, 0.002);
        for (var i = 50; i < values.Length; i++)
        {
            values[i] -= 0.001 * (i - 50);
        }

        var found = FirstAnomaly(Feed(SuccessRate(), values), Direction.Down);

        Assert.Equal(Array.FindIndex(values, v => v < 0.90), found);
        Assert.InRange(found, 125, 135);
    }

    [Fact]
    public void Observe_NonFiniteAndLatePoints_ReturnNoneAndChangeNothing()
    {
        var values = Enumerable.Range(0, 200).Select(i => 0.93 + (0.04 * Math.Sin(i / 10.0))).ToArray();

        var (clean, disturbed, extras) = FeedWithAndWithoutJunk(SuccessRate, values);

        Assert.All(extras, r => Assert.Equal(DetectorReading.None, r));
        Assert.Equal(clean, disturbed);
        Assert.Contains(clean, r => r.Down == 1);
    }

    [Theory]
    [InlineData(null, null, null, null)]
    [InlineData(0.90, 0.89, null, null)]
    [InlineData(null, null, 800.0, 900.0)]
    [InlineData(20.0, null, 10.0, null)]
    [InlineData(double.NaN, null, null, null)]
    [InlineData(null, null, double.PositiveInfinity, null)]
    public void Options_Inconsistent_FailValidation(double? below, double? recoverAbove, double? above, double? recoverBelow)
    {
        var options = new ThresholdDetectorOptions { Below = below, RecoverAbove = recoverAbove, Above = above, RecoverBelow = recoverBelow };

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void Options_Consistent_PassValidation()
    {
        var options = new ThresholdDetectorOptions { Below = 0.90, RecoverAbove = 0.92, Above = 0.999, RecoverBelow = 0.995 };

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}
