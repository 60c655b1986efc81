using System.Runtime.CompilerServices;
using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class DailyRecurrenceTests
{
    private static readonly long NightlyJobNs = ChinaMondayNs + (2 * HourNs);

    [Fact]
    public void Recurs_FirstTime_False()
    {
        Assert.False(new DailyRecurrence().Recurs(NightlyJobNs, anomalous: true));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 9)]
    [InlineData(1, -9)]
    [InlineData(1, 19)]
    [InlineData(1, -19)]
    [InlineData(2, 0)]
    [InlineData(7, 0)]
    public void Recurs_AnomalousAroundThisTimeOnARecentDay_True(int daysLater, int minutesLater)
    {
        var recurrence = new DailyRecurrence();
        recurrence.Recurs(NightlyJobNs, anomalous: true);

        Assert.True(recurrence.Recurs(NightlyJobNs + (daysLater * DayNs) + (minutesLater * MinuteNs), anomalous: false));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 30)]
    [InlineData(1, -30)]
    [InlineData(8, 0)]
    public void Recurs_SameDayOtherTimeOrLongAgo_False(int daysLater, int minutesLater)
    {
        var recurrence = new DailyRecurrence();
        recurrence.Recurs(NightlyJobNs, anomalous: true);

        Assert.False(recurrence.Recurs(NightlyJobNs + (daysLater * DayNs) + (minutesLater * MinuteNs), anomalous: false));
    }

    [Fact]
    public void Recurs_MarkedTodayAndOnAnEarlierDay_StillRecursToday()
    {
        var recurrence = new DailyRecurrence();
        recurrence.Recurs(NightlyJobNs, anomalous: true);
        recurrence.Recurs(NightlyJobNs + (3 * DayNs), anomalous: true);

        Assert.True(recurrence.Recurs(NightlyJobNs + (3 * DayNs) + MinuteNs, anomalous: false));
    }

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Recurs_TwoEarlierMarks_RecursUntilTheNewestIsAWeekOld(int daysLater, bool recurs)
    {
        var recurrence = new DailyRecurrence();
        recurrence.Recurs(NightlyJobNs, anomalous: true);
        recurrence.Recurs(NightlyJobNs + (3 * DayNs), anomalous: true);
        recurrence.Recurs(NightlyJobNs + (5 * DayNs) + HourNs, anomalous: false);

        Assert.Equal(recurs, recurrence.Recurs(NightlyJobNs + (daysLater * DayNs), anomalous: false));
    }

    [Fact]
    public void Recurs_NotAnomalous_MarksNothing()
    {
        var recurrence = new DailyRecurrence();
        recurrence.Recurs(NightlyJobNs, anomalous: false);

        Assert.False(recurrence.Recurs(NightlyJobNs + DayNs, anomalous: false));
    }

    [Fact]
    public void Recurs_EveryNight_KeepsRecurring()
    {
        var recurrence = new DailyRecurrence();
        var recurs = Enumerable.Range(0, 10).Select(day => recurrence.Recurs(NightlyJobNs + (day * DayNs), anomalous: true)).ToArray();

        Assert.False(recurs[0]);
        Assert.All(recurs.Skip(1), Assert.True);
    }

    [Fact]
    public void Recurs_LatePointOfAnEarlierDay_MarksNothing()
    {
        var recurrence = new DailyRecurrence();
        recurrence.Recurs(NightlyJobNs + DayNs, anomalous: false);
        recurrence.Recurs(NightlyJobNs, anomalous: true);

        Assert.False(recurrence.Recurs(NightlyJobNs + (2 * DayNs), anomalous: false));
    }

    [Fact]
    public void Recurs_AllocatesNothing()
    {
        var recurrence = new DailyRecurrence();
        var day = 0;

        Assert.Equal(0, AllocatedDuring(() => recurrence.Recurs(NightlyJobNs + (day++ * DayNs), anomalous: true)));
    }

    [Fact]
    public void StateBytes_AtMost80AndWhatItTakesWhereItIsHeld()
    {
        var recurrence = new DailyRecurrence();

        Assert.True(recurrence.StateBytes <= 80, $"{recurrence.StateBytes} B");
        Assert.Equal(Unsafe.SizeOf<DailyRecurrence>(), recurrence.StateBytes);
    }
}
