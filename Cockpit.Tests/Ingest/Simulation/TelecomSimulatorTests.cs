using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Simulation;

public sealed class TelecomSimulatorTests
{
    private static SimulatorOptions Options(int seed = 7) => new() { Seed = seed };

    [Fact]
    public void Generate_SameSeedAndStart_IdenticalPoints()
    {
        var a = new TelecomSimulator(Options(), Points.Monday);
        var b = new TelecomSimulator(Options(), Points.Monday);

        for (var tick = 0; tick < 50; tick += 7)
        {
            Assert.Equal(a.Generate(tick), b.Generate(tick));
        }
    }

    [Fact]
    public void Generate_TickOnItsOwn_SameAsInSequence()
    {
        var simulator = new TelecomSimulator(Options(), Points.Monday);
        var inSequence = Enumerable.Range(0, 30).Select(t => simulator.Generate(t)).Last();

        Assert.Equal(inSequence, new TelecomSimulator(Options(), Points.Monday).Generate(29));
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentValues()
    {
        var a = new TelecomSimulator(Options(1), Points.Monday).Generate(10).Select(p => p.Value);
        var b = new TelecomSimulator(Options(2), Points.Monday).Generate(10).Select(p => p.Value);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Generate_OneTick_EverySeriesOnceAtTheTickTime()
    {
        var simulator = new TelecomSimulator(Options(), Points.Monday);
        var points = simulator.Generate(3);

        Assert.InRange(points.Length, simulator.MaxPointsPerTick - 20, simulator.MaxPointsPerTick);
        Assert.All(points, p => Assert.Equal(Points.Monday.AddMinutes(3), p.Time));
        Assert.All(points, p => Assert.True(double.IsFinite(p.Value)));
        Assert.Equal(11 * 16, points.Count(p => p.Series.Measurement == MetricNames.Complaints));
        Assert.Equal(11, points.Select(p => p.Series.GetTag(MetricNames.RegionTag)).Distinct().Count());
        Assert.Equal(points.Length, points.Select(p => (p.Series, p.Field)).Distinct().Count());
    }

    [Fact]
    public void Generate_Daytime_BusierThanNight()
    {
        // Monday 00:00 UTC is 08:00 in Guangzhou; 19:00 UTC is 03:00.
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = 7, FirstIncidentAfter = TimeSpan.FromDays(30) }, Points.Monday);
        var day = ComplaintTotal(simulator, 120, 240);
        var night = ComplaintTotal(simulator, 19 * 60, (19 * 60) + 120);

        Assert.True(day > 3 * night, $"day {day} vs night {night}");
    }

    [Fact]
    public void Generate_DuringSurge_DistrictComplaintsJump()
    {
        var simulator = new TelecomSimulator(Options(), Points.Monday);
        var surge = simulator.Schedule.ForCycle(0).Single(i => i.Kind == IncidentKind.ComplaintSurge);
        var startTick = (long)(surge.Start - Points.Monday).TotalMinutes;

        var before = ComplaintTotal(simulator, startTick - 20, startTick, surge.Region) / 20;
        var during = ComplaintTotal(simulator, startTick + 5, startTick + 25, surge.Region) / 20;

        Assert.True(during > before + 15, $"{surge.Region}: {before:0.0}/min before, {during:0.0}/min during");
    }

    [Fact]
    public void Generate_DuringDecline_SuccessRateSlidesSteadily()
    {
        var simulator = new TelecomSimulator(Options(), Points.Monday);
        var decline = simulator.Schedule.ForCycle(0).Single(i => i.Kind == IncidentKind.SuccessRateDecline);
        var startTick = (long)(decline.Start - Points.Monday).TotalMinutes;
        var length = (long)decline.Duration.TotalMinutes;

        var first = SuccessRate(simulator, startTick - 30, startTick, decline.Region, decline.Subject);
        var middle = SuccessRate(simulator, startTick + (length / 2) - 15, startTick + (length / 2) + 15, decline.Region, decline.Subject);
        var last = SuccessRate(simulator, startTick + length - 30, startTick + length, decline.Region, decline.Subject);

        Assert.True(first > middle && middle > last, $"{first:0.0} → {middle:0.0} → {last:0.0}");
        Assert.True(first - last > 10, $"{first:0.0} → {last:0.0}");
    }

    [Fact]
    public void Generate_DuringOutage_CellDownAndLossHigh()
    {
        var simulator = new TelecomSimulator(Options(), Points.Monday);
        var outage = simulator.Schedule.ForCycle(0).Single(i => i.Kind == IncidentKind.NetworkOutage);
        var tick = (long)(outage.Start - Points.Monday).TotalMinutes + 2;

        var cell = simulator.Generate(tick).Where(p => p.Series.GetTag(MetricNames.CellTag) == outage.Subject).ToDictionary(p => p.Field, p => p.Value);

        Assert.Equal(1, cell[MetricNames.OutagesField]);
        Assert.True(cell[MetricNames.LossField] > 10);
    }

    [Fact]
    public void Schedule_EachCycle_ThreeIncidentsInDistinctDistricts()
    {
        var schedule = new TelecomSimulator(Options(), Points.Monday).Schedule;
        for (var cycle = 0; cycle < 20; cycle++)
        {
            var incidents = schedule.ForCycle(cycle);
            Assert.Equal(3, incidents.Count);
            Assert.Equal(3, incidents.Select(i => i.Region).Distinct().Count());
        }
    }

    private static double ComplaintTotal(TelecomSimulator simulator, long fromTick, long toTick, string? region = null)
    {
        double total = 0;
        for (var tick = fromTick; tick < toTick; tick++)
        {
            total += simulator.Generate(tick)
                .Where(p => p.Series.Measurement == MetricNames.Complaints && (region is null || p.Series.GetTag(MetricNames.RegionTag) == region))
                .Sum(p => p.Value);
        }

        return total;
    }

    private static double SuccessRate(TelecomSimulator simulator, long fromTick, long toTick, string region, string businessType)
    {
        double attempts = 0, successes = 0;
        for (var tick = fromTick; tick < toTick; tick++)
        {
            foreach (var p in simulator.Generate(tick).Where(p => p.Series.GetTag(MetricNames.RegionTag) == region && p.Series.GetTag(MetricNames.BusinessTypeTag) == businessType))
            {
                attempts += p.Field == MetricNames.AttemptsField ? p.Value : 0;
                successes += p.Field == MetricNames.SuccessesField ? p.Value : 0;
            }
        }

        return 100 * successes / attempts;
    }
}
