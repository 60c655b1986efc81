using Cockpit.Tests.Testing;
using Cockpit.Web.Localization;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Localization;

public sealed class DisplayTimeZoneTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Options_ZoneById()
    {
        var zone = new DisplayTimeZone(Options.Create(new TimeDisplayOptions { TimeZone = "Europe/Berlin" }));

        Assert.Equal("Europe/Berlin", zone.Id);
    }

    [Fact]
    public void Shanghai_UtcPlus8AllYear_NamedByItsOffset()
    {
        var zone = DisplayZones.Shanghai;

        Assert.Equal("2026-11-23 08:10", zone.Format(Utc(11, 23, 0, 10)));
        Assert.Equal("2026-07-01 20:00:05", zone.Format(Utc(7, 1, 12, 0).AddSeconds(5), seconds: true));
        Assert.Equal("UTC+8", zone.OffsetAt(Utc(7, 1, 12, 0)));
        Assert.False(zone.ObservesDaylightSaving); // it did from 1986 to 1991; that does not count
        Assert.Equal("UTC+8", zone.ShortName);
        Assert.Equal("Asia/Shanghai (UTC+8)", zone.Label(Utc(11, 23, 0, 10)));
    }

    // CEST (UTC+2) ends at 01:00 UTC on 2026-10-25: 02:00–02:59 local happens twice.
    [Fact]
    public void Berlin_AcrossTheEndOfSummerTime_EachInstantWithItsOwnOffset()
    {
        var zone = DisplayZones.Berlin;

        Assert.Equal(["2026-10-25 01:59", "2026-10-25 02:30", "2026-10-25 02:30", "2026-10-25 03:00"],
            new[] { Utc(10, 24, 23, 59), Utc(10, 25, 0, 30), Utc(10, 25, 1, 30), Utc(10, 25, 2, 0) }.Select(t => zone.Format(t)));
        Assert.Equal("Europe/Berlin (UTC+2)", zone.Label(Utc(10, 25, 0, 30)));
        Assert.Equal("Europe/Berlin (UTC+1)", zone.Label(Utc(10, 25, 1, 30)));
        Assert.True(zone.ObservesDaylightSaving);
        Assert.Equal("Europe/Berlin", zone.ShortName);
    }

    // CET (UTC+1) ends at 01:00 UTC on 2026-03-29: local 02:00–02:59 never happens.
    [Fact]
    public void Berlin_AcrossTheStartOfSummerTime_ClockJumpsFromTwoToThree()
    {
        var zone = DisplayZones.Berlin;

        Assert.Equal("2026-03-29 01:59", zone.Format(Utc(3, 29, 0, 59)));
        Assert.Equal("2026-03-29 03:00", zone.Format(Utc(3, 29, 1, 0)));
        Assert.Equal(Utc(3, 29, 1, 0).ToUnixTimeMilliseconds() + (2 * 3_600_000), zone.LocalMilliseconds(Utc(3, 29, 1, 0).ToUnixTimeMilliseconds()));
        Assert.Equal(Utc(3, 29, 0, 59).ToUnixTimeMilliseconds() + 3_600_000, zone.LocalMilliseconds(Utc(3, 29, 0, 59).ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void TryFromLocal_Berlin_NormalSkippedAndRepeatedTimes()
    {
        var zone = DisplayZones.Berlin;

        Assert.True(zone.TryFromLocal(new DateTime(2026, 3, 29, 1, 30, 0), out var before));
        Assert.Equal(Utc(3, 29, 0, 30), before);
        Assert.True(zone.TryFromLocal(new DateTime(2026, 3, 29, 3, 30, 0), out var after));
        Assert.Equal(Utc(3, 29, 1, 30), after);
        Assert.False(zone.TryFromLocal(new DateTime(2026, 3, 29, 2, 30, 0), out _));

        // 02:30 on 2026-10-25 happens at 00:30 UTC (summer time) and again at 01:30 UTC: the first is taken.
        Assert.True(zone.TryFromLocal(new DateTime(2026, 10, 25, 2, 30, 0), out var repeated));
        Assert.Equal(Utc(10, 25, 0, 30), repeated);
    }

    [Theory]
    [InlineData(8, 0, "UTC+8")]
    [InlineData(5, 30, "UTC+5:30")]
    [InlineData(-4, 0, "UTC-4")]
    [InlineData(-3, -30, "UTC-3:30")]
    [InlineData(0, 0, "UTC")]
    public void OffsetText_HoursAndMinutesWhenThereAreAny(int hours, int minutes, string expected)
    {
        Assert.Equal(expected, DisplayTimeZone.OffsetText(new TimeSpan(hours, minutes, 0)));
    }

    [Fact]
    public void LocalMilliseconds_ExtremeValues_DoNotThrow()
    {
        var zone = DisplayZones.Shanghai;

        Assert.Equal(long.MaxValue, zone.LocalMilliseconds(long.MaxValue - (8 * 3_600_000)));
        Assert.Equal(8 * 3_600_000, zone.LocalMilliseconds(0));
    }
}
