using Cockpit.Detection.Detectors;
using MathNet.Numerics.Distributions;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class RobustZScoreDetectorTests
{
    private static RobustZScoreDetector Detector() => new(window: 60, minHistory: 20, threshold: 4.5);

    [Fact]
    public void Observe_BeforeMinHistory_NoScore()
    {
        var detector = Detector();
        for (var i = 0; i < 20; i++)
        {
            Assert.True(double.IsNaN(detector.Observe(10).Value));
        }

        Assert.False(double.IsNaN(detector.Observe(10).Value));
    }

    [Fact]
    public void Observe_Spike_HighScore()
    {
        var detector = Detector();
        var random = new Random(1);
        for (var i = 0; i < 60; i++)
        {
            detector.Observe(Poisson.Sample(random, 12));
        }

        var score = detector.Observe(45);

        Assert.True(score.Value > 6, $"z = {score.Value}");
        Assert.InRange(score.Median, 10, 14);
    }

    [Fact]
    public void Observe_PoissonNoise_NeverAboveThreshold()
    {
        var detector = Detector();
        var random = new Random(2);
        var max = double.MinValue;
        for (var i = 0; i < 20_000; i++)
        {
            // A daily cycle between quiet nights and busy days, one value a minute.
            var rate = 6.2 - (5.9 * Math.Cos(2 * Math.PI * i / 1440));
            var z = detector.Observe(Poisson.Sample(random, rate)).Value;
            if (!double.IsNaN(z))
            {
                max = Math.Max(max, z);
            }
        }

        Assert.True(max < 4.5, $"max z = {max}");
    }

    [Fact]
    public void Observe_NonFiniteValues_NotAddedAndStateIntact()
    {
        var detector = Detector();
        for (var i = 0; i < 30; i++)
        {
            detector.Observe(10 + (i % 3));
        }

        Assert.True(double.IsNaN(detector.Observe(double.NaN).Value));
        Assert.True(double.IsNaN(detector.Observe(double.PositiveInfinity).Value));

        Assert.Equal(30, detector.Count);
        var z = detector.Observe(11).Value;
        Assert.InRange(z, -1, 1);
    }

    [Fact]
    public void Observe_LongSurge_StaysAnomalousUntilAWindowHasPassed()
    {
        var detector = Detector();
        for (var i = 0; i < 60; i++)
        {
            detector.Observe(12 + (i % 5) - 2);
        }

        var scores = Enumerable.Range(0, 150).Select(_ => detector.Observe(40).Value).ToList();

        Assert.All(scores.Take(60), z => Assert.True(z >= 4.5, $"z = {z}"));
        Assert.True(scores[^1] < 1, $"after a long shift the new level is normal, z = {scores[^1]}");
    }
}
