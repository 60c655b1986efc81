using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

/// <summary>
/// Series with nothing to find raise nothing, for each window detector: a noisy detector is as bad as a blind one.
/// </summary>
public sealed class QuietSeriesTests
{
    public static TheoryData<string> Detectors => new() { "surge", "levelshift" };

    private static ISeriesDetector Create(string name, bool countData = false) => name switch
    {
        "surge" => new SurgeDetector(new SurgeDetectorOptions { CountData = countData }),
        "levelshift" => new LevelShiftDetector(new LevelShiftDetectorOptions { CountData = countData }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static TheoryData<string, double> DetectorsAndMeans()
    {
        var data = new TheoryData<string, double>();
        foreach (var name in new[] { "surge", "levelshift" })
        {
            foreach (var mean in new[] { 0.2, 1, 3 })
            {
                data.Add(name, mean);
            }
        }

        return data;
    }

    public static TheoryData<string, double> DetectorsAndConstants()
    {
        var data = new TheoryData<string, double>();
        foreach (var name in new[] { "surge", "levelshift" })
        {
            foreach (var value in new[] { 0, 0.93, 1234.5 })
            {
                data.Add(name, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Detectors))]
    public void Observe_GaussianNoise_NeverAnomalous(string name)
    {
        var readings = Feed(Create(name), Gaussian(4, 20_000, 100));

        Assert.True(MaxScore(readings) < 0.5, $"max score {MaxScore(readings)}");
    }

    [Theory]
    [MemberData(nameof(DetectorsAndMeans))]
    public void Observe_PoissonCountsWithSmallMeans_NeverAnomalous(string name, double mean)
    {
        var readings = Feed(Create(name, countData: true), Poisson(5, 20_000, mean));

        Assert.True(MaxScore(readings) < 0.5, $"max score {MaxScore(readings)}");
    }

    [Theory]
    [MemberData(nameof(DetectorsAndConstants))]
    public void Observe_ConstantSeries_ScoresZero(string name, double value)
    {
        var readings = Feed(Create(name), Enumerable.Repeat(value, 20_000).ToArray());

        Assert.Equal(0, MaxScore(readings));
    }
}
