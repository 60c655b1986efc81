namespace Cockpit.Tests.Grafana;

public sealed class SimulatedHistoryTests
{
    [Fact]
    public void Incidents_DashboardsDefaultSixHours_EachIncidentStartsAndEndsInside()
    {
        var incidents = SimulatedHistory.Incidents();

        Assert.Equal(3, incidents.Count);
        Assert.All(incidents, i => Assert.InRange(i.Start, SimulatedHistory.Now.AddHours(-6), i.End));
        Assert.All(incidents, i => Assert.InRange(i.End, i.Start, SimulatedHistory.Now));
    }
}
