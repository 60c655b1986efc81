using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage.Embedded;

namespace Cockpit.Tests.Ingest.Storage;

public sealed class ResolutionPlanTests
{
    private const long Second = 1_000_000_000;
    private const long Minute = 60 * Second;
    private const long Hour = 60 * Minute;
    private const long Day0 = 1_795_392_000L * Second; // a midnight, UTC

    [Fact]
    public void Plan_HourlyBucketOverRaggedRange_HoursInsideMinutesAndRawAtTheEnds()
    {
        var from = Day0 + (7 * Minute) + (30 * Second);
        var to = Day0 + (5 * Hour) + (13 * Minute) + (10 * Second);

        var plan = Resolutions.Plan(from, to, Hour);

        Assert.Equal(
        [
            new ResolutionRange(Resolution.Raw, from, Day0 + (8 * Minute)),
            new ResolutionRange(Resolution.Minute, Day0 + (8 * Minute), Day0 + Hour),
            new ResolutionRange(Resolution.Hour, Day0 + Hour, Day0 + (5 * Hour)),
            new ResolutionRange(Resolution.Minute, Day0 + (5 * Hour), Day0 + (5 * Hour) + (13 * Minute)),
            new ResolutionRange(Resolution.Raw, Day0 + (5 * Hour) + (13 * Minute), to),
        ],
            plan);
    }

    [Fact]
    public void Plan_AlignedRange_OneRangeOfTheCoarsestResolution()
    {
        Assert.Equal([new ResolutionRange(Resolution.Hour, Day0, Day0 + (24 * Hour))], Resolutions.Plan(Day0, Day0 + (24 * Hour), 6 * Hour));
        Assert.Equal([new ResolutionRange(Resolution.Minute, Day0, Day0 + (24 * Hour))], Resolutions.Plan(Day0, Day0 + (24 * Hour), 5 * Minute));
    }

    [Fact]
    public void Plan_BucketNotWholeMinutes_RawOnly()
    {
        Assert.Equal([new ResolutionRange(Resolution.Raw, Day0, Day0 + Hour)], Resolutions.Plan(Day0, Day0 + Hour, 40 * Second));
    }

    [Fact]
    public void Plan_RangeShorterThanAnHour_NoHourlyPart()
    {
        var plan = Resolutions.Plan(Day0 + (10 * Minute), Day0 + (50 * Minute), Hour);

        Assert.Equal([new ResolutionRange(Resolution.Minute, Day0 + (10 * Minute), Day0 + (50 * Minute))], plan);
    }

    [Theory]
    [InlineData(-1, 60, -60)]
    [InlineData(-60, 60, -60)]
    [InlineData(59, 60, 0)]
    [InlineData(60, 60, 60)]
    public void Floor_TowardsMinusInfinity(long value, long step, long expected) => Assert.Equal(expected, UnixTime.Floor(value, step));
}
