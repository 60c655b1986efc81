using Cockpit.Web.Explore;

namespace Cockpit.Tests.Web.Explore;

public sealed class ExploreDurationsTests
{
    [Theory]
    [InlineData("1h", "1m, 5m, 15m, 1h")]
    [InlineData("6h", "1m, 5m, 15m, 1h")]
    [InlineData("24h", "1m, 5m, 15m, 1h, 1d")]
    [InlineData("7d", "15m, 1h, 1d")]
    public void BucketsFor_Preset_AtMost2000PointsAndNoLongerThanTheRange(string preset, string fitting)
    {
        Assert.True(ExploreDurations.TryParsePreset(preset, out var range));

        Assert.Equal(fitting, string.Join(", ", ExploreDurations.BucketsFor(range)));
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void Fits_AtTheLimit(int minutes, bool fits) =>
        Assert.Equal(fits, ExploreDurations.Fits(TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(1)));

    [Fact]
    public void PointsPerLine_PartialBucket_Counts() =>
        Assert.Equal(3, ExploreDurations.PointsPerLine(TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(5)));

    [Theory]
    [InlineData("1h", 1)]
    [InlineData("24h", 1)]
    [InlineData("7d", 15)]
    public void DefaultBucket_ShortestThatFits(string preset, int minutes)
    {
        ExploreDurations.TryParsePreset(preset, out var range);

        Assert.Equal(TimeSpan.FromMinutes(minutes), ExploreDurations.DefaultBucket(range));
    }

    [Theory]
    [InlineData("1m", true)]
    [InlineData("1d", true)]
    [InlineData("2m", false)]
    [InlineData("0m", false)]
    [InlineData("-5m", false)]
    [InlineData("5", false)]
    [InlineData("m", false)]
    [InlineData("5s", false)]
    [InlineData("", false)]
    public void TryParseBucket_OnlyOfferedBuckets(string text, bool ok) =>
        Assert.Equal(ok, ExploreDurations.TryParseBucket(text, out _));

    [Theory]
    [InlineData(1, "1m")]
    [InlineData(15, "15m")]
    [InlineData(60, "1h")]
    [InlineData(1440, "1d")]
    public void Format_Minutes(int minutes, string text) => Assert.Equal(text, ExploreDurations.Format(TimeSpan.FromMinutes(minutes)));
}
