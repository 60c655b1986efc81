namespace Cockpit.Tests.Grafana;

public sealed class GrafanaTimeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static GrafanaDashboard Dashboard(string panel) => GrafanaDashboard.Parse("test.json", $$"""
        {"uid":"t","title":"t","time":{"from":"now-6h","to":"now"},"panels":[{{panel}}]}
        """);

    [Fact]
    public void PanelRange_NoOverride_DashboardRange()
    {
        var dashboard = Dashboard("""{"id":1,"type":"stat","title":"a"}""");

        Assert.Equal((Now.AddHours(-6), Now), GrafanaTime.PanelRange(dashboard, dashboard.Panels[0], Now));
    }

    [Fact]
    public void PanelRange_RelativeTimeAndShift_LastHourAWeekAgo()
    {
        var dashboard = Dashboard("""{"id":1,"type":"stat","title":"a","timeFrom":"1h","timeShift":"7d"}""");

        Assert.Equal((Now.AddHours(-1).AddDays(-7), Now.AddDays(-7)), GrafanaTime.PanelRange(dashboard, dashboard.Panels[0], Now));
    }

    [Theory]
    [InlineData(6 * 60, null, 60)]         // 21.6 s rounds to 20 s, below the datasource's 1 minute
    [InlineData(6 * 60, "5m", 300)]        // the panel's minimum interval wins
    [InlineData(7 * 24 * 60, null, 600)]   // a week: 604.8 s rounds to 10 minutes
    public void Interval_RangeAndMinimum_GrafanasInterval(int rangeMinutes, string? panelMinimum, int expectedSeconds)
    {
        var panel = Dashboard(panelMinimum is null
            ? """{"id":1,"type":"timeseries","title":"a"}"""
            : $$"""{"id":1,"type":"timeseries","title":"a","interval":"{{panelMinimum}}"}""").Panels[0];

        var interval = GrafanaTime.Interval(Now.AddMinutes(-rangeMinutes), Now, panel, TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), interval);
    }

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(20_000, "20s")]
    [InlineData(60_000, "1m")]
    [InlineData(600_000, "10m")]
    [InlineData(3_600_000, "1h")]
    [InlineData(86_400_000, "1d")]
    public void Format_Interval_LargestWholeUnit(long milliseconds, string expected)
    {
        Assert.Equal(expected, GrafanaTime.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData(">1m", 60)]
    [InlineData("7d", 7 * 86_400)]
    [InlineData("1w", 7 * 86_400)]
    public void ParseDuration_GrafanaDurations_Seconds(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), GrafanaTime.ParseDuration(text));
    }

    [Fact]
    public void Resolve_AbsoluteTime_NotSupported()
    {
        Assert.Throws<FormatException>(() => GrafanaTime.Resolve("2026-11-23T00:00:00Z", Now));
    }
}
