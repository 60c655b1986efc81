using Cockpit.Detection.Detectors;
using Cockpit.Ingest.Model;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class SeasonCalendarTests
{
    private static long Local(DateTimeOffset time) =>
        UnixTime.ToNanos(time) + SeasonCalendar.OffsetNs(time.Offset.TotalHours);

    [Theory]
    [InlineData(2026, 11, 23, 0, 30, 0)] // Monday
    [InlineData(2026, 11, 25, 10, 0, 58)] // Wednesday
    [InlineData(2026, 11, 29, 23, 59, 167)] // Sunday
    [InlineData(1970, 1, 1, 0, 0, 72)] // Thursday, the epoch
    public void HourOfWeek_CountsFromMondayMidnightLocal(int year, int month, int day, int hour, int minute, int expected)
    {
        var local = Local(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

        Assert.Equal(expected, SeasonCalendar.HourOfWeek(SeasonCalendar.Hour(local)));
        Assert.Equal(expected % 24, SeasonCalendar.HourOfDay(SeasonCalendar.Hour(local)));
    }

    [Fact]
    public void Hour_BeforeTheEpoch_RoundsDown()
    {
        Assert.Equal(-1, SeasonCalendar.Hour(-1));
        Assert.Equal(0.75, SeasonCalendar.FractionOfHour(-SeasonCalendar.HourNs / 4, -1), 12);
        Assert.Equal(23, SeasonCalendar.HourOfDay(-1));
    }
}
