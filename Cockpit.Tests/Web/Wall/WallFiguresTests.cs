using Cockpit.Web.Wall;

namespace Cockpit.Tests.Web.Wall;

public sealed class WallFiguresTests
{
    private static WallFigures Figures(
        double lastHour = 100, double previousHour = 100, double? weekAgo = null, double attempts = 1000, double successes = 980,
        double latency = 30, double loss = 0.5, double reports = 33, double down = 0, int firing = 0, int critical = 0) =>
        new(lastHour, previousHour, weekAgo is null ? null : new WeekAgoValue(DateTimeOffset.UnixEpoch, weekAgo), attempts, successes, latency, loss, reports, down, firing, critical);

    [Theory]
    [InlineData(100, 100, 100.0, KpiState.Ok)]
    [InlineData(140, 100, 100.0, KpiState.Warning)]
    [InlineData(200, 100, 100.0, KpiState.Critical)]
    [InlineData(200, 200, 100.0, KpiState.Critical)] // last week decides when known
    [InlineData(150, 100, null, KpiState.Warning)] // else the previous hour
    [InlineData(150, 0, null, KpiState.Unknown)]
    [InlineData(150, 0, 0.0, KpiState.Unknown)]
    public void ComplaintsState_AgainstLastWeekElseThePreviousHour(double lastHour, double previousHour, double? weekAgo, KpiState expected) =>
        Assert.Equal(expected, Figures(lastHour, previousHour, weekAgo).ComplaintsState);

    [Theory]
    [InlineData(1000, 960, KpiState.Ok)]
    [InlineData(1000, 940, KpiState.Warning)]
    [InlineData(1000, 899, KpiState.Critical)]
    [InlineData(0, 0, KpiState.Unknown)]
    public void SuccessState_ByRate(double attempts, double successes, KpiState expected) =>
        Assert.Equal(expected, Figures(attempts: attempts, successes: successes).SuccessState);

    [Theory]
    [InlineData(30, 0.5, 33, 0, KpiState.Ok)]
    [InlineData(80, 0.5, 33, 0, KpiState.Warning)]
    [InlineData(30, 3, 33, 0, KpiState.Warning)]
    [InlineData(30, 0.5, 33, 1, KpiState.Critical)]
    [InlineData(double.NaN, double.NaN, 0, 0, KpiState.Unknown)]
    public void NetworkState_CellDownIsCriticalSlowOrLossyIsAWarning(double latency, double loss, double reports, double down, KpiState expected) =>
        Assert.Equal(expected, Figures(latency: latency, loss: loss, reports: reports, down: down).NetworkState);

    [Fact]
    public void CellsUp_ShareOfReportsWithoutOutage() => Assert.Equal(100 * 30.0 / 33, Figures(reports: 33, down: 3).CellsUp, 6);

    [Theory]
    [InlineData(0, 0, KpiState.Ok)]
    [InlineData(2, 0, KpiState.Warning)]
    [InlineData(2, 1, KpiState.Critical)]
    public void AlertsState_CriticalBeatsWarning(int firing, int critical, KpiState expected) =>
        Assert.Equal(expected, Figures(firing: firing, critical: critical).AlertsState);
}
