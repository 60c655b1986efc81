using Cockpit.Ingest.Model;

namespace Cockpit.Tests.Ingest.Model;

public sealed class SeriesKeyTests
{
    [Fact]
    public void Create_TagsInAnyOrder_SameCanonicalKey()
    {
        var a = SeriesKey.Create("complaints", ("region", "tianhe"), ("channel", "app"));
        var b = SeriesKey.Create("complaints", ("channel", "app"), ("region", "tianhe"));

        Assert.Equal("complaints,channel=app,region=tianhe", a.Canonical);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Create_SpecialCharacters_EscapedAsInLineProtocol()
    {
        var key = SeriesKey.Create("my measurement,x", ("tag key", "a=b,c d"));

        Assert.Equal(@"my\ measurement\,x,tag\ key=a\=b\,c\ d", key.Canonical);
    }

    [Fact]
    public void Create_EmptyTagValue_TagDropped()
    {
        var key = SeriesKey.Create("network", ("region", "panyu"), ("cell", string.Empty));

        Assert.Equal("network,region=panyu", key.Canonical);
        Assert.Null(key.GetTag("cell"));
        Assert.Equal("panyu", key.GetTag("region"));
    }

    [Fact]
    public void Create_DuplicateTagKey_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SeriesKey.Create("m", ("region", "a"), ("region", "b")));
        Assert.Contains("region", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equals_DifferentTags_NotEqual()
    {
        Assert.NotEqual(SeriesKey.Create("m", ("region", "a")), SeriesKey.Create("m", ("region", "b")));
        Assert.NotEqual(SeriesKey.Create("m", ("region", "a")), SeriesKey.Create("n", ("region", "a")));
    }

    [Fact]
    public void UnixTime_RoundTrip_KeepsTicks()
    {
        var time = new DateTimeOffset(2026, 11, 24, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567);
        var ns = UnixTime.ToNanos(time);

        Assert.Equal(time, UnixTime.ToDateTimeOffset(ns));
        Assert.Equal(1_795_512_615_123_456_700, ns);
    }
}
