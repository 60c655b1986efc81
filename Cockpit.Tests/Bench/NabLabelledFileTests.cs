extern alias bench;

using bench::Cockpit.Bench.Nab;

namespace Cockpit.Tests.Bench;

public sealed class NabLabelledFileTests
{
    [Theory]
    [InlineData(100, 15)]
    [InlineData(1127, 169)]
    [InlineData(4032, 604)]
    [InlineData(4730, 709)]
    [InlineData(5000, 750)]
    [InlineData(22695, 750)]
    public void ProbationaryLengthFor_FifteenPercentFlooredAtMost750(int rows, double expected)
    {
        Assert.Equal(expected, NabLabelledFile.ProbationaryLengthFor(rows));
    }

    [Fact]
    public void Create_RowsInAWindow_ValueFromAtpAtTheLeftEdgeDownToSigmaOfMinusOneOverWidthAtTheRight()
    {
        var labels = NabTestFiles.Labelled(100, (40, 59));

        Assert.Equal(NabLabelledFile.Outside, labels.WindowOf(39));
        Assert.All(Enumerable.Range(40, 20), row => Assert.Equal(0, labels.WindowOf(row)));
        Assert.Equal(NabLabelledFile.Outside, labels.WindowOf(60));
        Assert.Equal(1.0, labels.Weighted(40, NabProfile.Standard), 12);
        Assert.Equal(0.84828 / 0.98661, labels.Weighted(50, NabProfile.Standard), 4);
        Assert.Equal(NabTestFiles.Sigma(-1.0 / 20) / NabTestFiles.Sigma(-1), labels.Weighted(59, NabProfile.Standard), 12);
        Assert.True(labels.Label(40) && labels.Label(59) && !labels.Label(39) && !labels.Label(60));
    }

    [Fact]
    public void Create_RowsOutsideWindows_FullCostBeforeTheFirstWindowEndsThenMeasuredAgainstTheLastOneThatEnded()
    {
        var labels = NabTestFiles.Labelled(200, (40, 59), (120, 139));

        Assert.Equal(-0.11, labels.Weighted(20, NabProfile.Standard), 12);
        // Half a width after the end is p = 10/19, not 0.5: NAB divides by W − 1.
        Assert.Equal(0.11 * NabTestFiles.Sigma(10.0 / 19), labels.Weighted(69, NabProfile.Standard), 12);
        Assert.Equal(-0.98661 * 0.22, labels.Weighted(78, NabProfile.RewardLowFalsePositiveRate), 1e-5);
        Assert.Equal(-0.11, labels.Weighted(59 + 58, NabProfile.Standard), 12);
        // After the second window only the second counts.
        Assert.Equal(0.11 * NabTestFiles.Sigma(1.0 / 19), labels.Weighted(140, NabProfile.Standard), 12);
    }

    [Fact]
    public void Create_WindowInTheProbationaryPeriod_CountedButNotScorable()
    {
        var labels = NabTestFiles.Labelled(1000, (50, 69), (400, 419));

        Assert.Equal(150, labels.ProbationaryLength);
        Assert.False(labels.IsScorable(149));
        Assert.True(labels.IsScorable(150));
        Assert.Equal(2, labels.WindowCount);
        Assert.Equal(1, labels.ScorableWindowCount);
    }

    [Fact]
    public void Create_RepeatedTimestamps_WindowEndsOnTheFirstRowAtItsEndAsNabDoes()
    {
        // Like NAB's ec2_disk_write_bytes_1ef3de.csv, where twelve rows share 2014-03-09 03:00:00.
        var times = Enumerable.Range(0, 100).Select(NabTestFiles.Time).ToList();
        times.Insert(51, times[50]);
        times.Insert(51, times[50]);
        var labels = NabLabelledFile.Create("test/repeated.csv", times, [NabTestFiles.Window(40, 50)]);

        Assert.Equal(0, labels.WindowOf(50));
        Assert.Equal(NabLabelledFile.Outside, labels.WindowOf(51));
        Assert.True(labels.Label(51) && labels.Label(52));
        Assert.Equal(0.11 * NabTestFiles.Sigma(1.0 / 10), labels.Weighted(51, NabProfile.Standard), 12);
    }

    [Fact]
    public void Create_WindowStartNotATimestampOfTheFile_ThrowsNamingFileAndWindow()
    {
        var times = Enumerable.Range(0, 100).Select(NabTestFiles.Time).ToList();

        var error = Assert.Throws<InvalidDataException>(() => NabLabelledFile.Create(
            "cat/file.csv", times, [new NabWindow(NabTestFiles.Time(40).AddSeconds(30), NabTestFiles.Time(50))]));

        Assert.Contains("cat/file.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("starts at a time that is not a timestamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WindowEndNotATimestampOfTheFile_Throws()
    {
        var times = Enumerable.Range(0, 100).Select(NabTestFiles.Time).ToList();

        var error = Assert.Throws<InvalidDataException>(() => NabLabelledFile.Create(
            "cat/file.csv", times, [new NabWindow(NabTestFiles.Time(40), NabTestFiles.Time(500))]));

        Assert.Contains("ends at a time that is not a timestamp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("realTraffic/speed_6005.csv", "realTraffic")]
    [InlineData("a/b/c.csv", "a")]
    [InlineData("file.csv", "file.csv")]
    public void Category_IsTheKeyBeforeItsFirstSlash(string key, string category)
    {
        Assert.Equal(category, NabTestFiles.Labelled(key, 10).Category);
    }
}
