using Cockpit.Web.Wall;

namespace Cockpit.Tests.Web.Wall;

public sealed class ScoredSubjectTests
{
    [Fact]
    public void TryParse_GroupedSubject_RegionAndMeasurementFromTheGroupValues()
    {
        Assert.True(ScoredSubject.TryParse("complaint-surge|complaints|tianhe", "complaint-surge", ["region"], out var region, out var measurement));

        Assert.Equal("tianhe", region);
        Assert.Equal("complaints", measurement);
    }

    [Fact]
    public void TryParse_GroupedByRegionSecond_TakesTheRegionsValue()
    {
        Assert.True(ScoredSubject.TryParse("r|business|hotline|liwan", "r", ["channel", "region"], out var region, out _));

        Assert.Equal("liwan", region);
    }

    [Fact]
    public void TryParse_GroupWithoutRegion_False() =>
        Assert.False(ScoredSubject.TryParse("r|complaints|hotline", "r", ["channel"], out _, out _));

    [Fact]
    public void TryParse_PerSeriesSubject_RegionTagOfTheEscapedSeries()
    {
        Assert.True(ScoredSubject.TryParse(@"network-latency|network,cell=th\,01,region=tian\ he,x=a\=b|latency_ms", "network-latency", [], out var region, out var measurement));

        Assert.Equal("tian he", region);
        Assert.Equal("network", measurement);
    }

    [Fact]
    public void TryParse_PerSeriesWithoutRegion_False() =>
        Assert.False(ScoredSubject.TryParse("r|network,cell=a|latency_ms", "r", [], out _, out _));

    [Theory]
    [InlineData("other|complaints|tianhe")]
    [InlineData("complaint-surge")]
    [InlineData("complaint-surgex|complaints|tianhe")]
    public void TryParse_NotThisRulesSubject_False(string subject) =>
        Assert.False(ScoredSubject.TryParse(subject, "complaint-surge", ["region"], out _, out _));
}
