using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Pipeline;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Detection.Pipeline;

public sealed class ComplaintSurgeRuleTests
{
    private static List<AlertSignal> Run(ComplaintSurgeRule rule, TelecomSimulator simulator, int ticks)
    {
        var signals = new List<AlertSignal>();
        for (var tick = 0; tick < ticks; tick++)
        {
            foreach (var point in simulator.Generate(tick))
            {
                if (rule.Observe(point) is { } signal)
                {
                    signals.Add(signal);
                }
            }
        }

        return signals;
    }

    [Fact]
    public void Observe_TwoQuietDaysOfSimulatedData_NoAlert()
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = 11, FirstIncidentAfter = TimeSpan.FromDays(30) }, Points.Monday);

        var signals = Run(new ComplaintSurgeRule(new SurgeRuleOptions()), simulator, 2 * 24 * 60);

        Assert.Empty(signals);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Observe_SimulatedSurge_FiresInThatDistrictWithinMinutesAndResolves(int seed)
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = seed }, Points.Monday);
        var surge = simulator.Schedule.ForCycle(0).Single(i => i.Kind == IncidentKind.ComplaintSurge);
        var outage = simulator.Schedule.ForCycle(0).Single(i => i.Kind == IncidentKind.NetworkOutage);

        var signals = Run(new ComplaintSurgeRule(new SurgeRuleOptions()), simulator, (int)(outage.Start - Points.Monday).TotalMinutes);

        var first = signals.First();
        Assert.True(first.Firing);
        Assert.Equal(surge.Region, first.Tags[MetricNames.RegionTag]);
        Assert.InRange(first.Time, surge.Start, surge.Start.AddMinutes(6));
        Assert.All(signals, s => Assert.Equal(surge.Region, s.Tags[MetricNames.RegionTag]));
        var resolved = Assert.Single(signals, s => !s.Firing);
        Assert.InRange(resolved.Time, surge.End.AddMinutes(-15), surge.End.AddMinutes(15));
    }

    [Fact]
    public void Observe_LatePoint_IgnoredAndCounted()
    {
        var rule = new ComplaintSurgeRule(new SurgeRuleOptions());
        for (var minute = 0; minute < 30; minute++)
        {
            rule.Observe(Points.Count("tianhe", 10, Points.Monday.AddMinutes(minute)));
        }

        Assert.Null(rule.Observe(Points.Count("tianhe", 1_000, Points.Monday.AddMinutes(5))));
        Assert.Equal(1, rule.LatePoints);
        Assert.Null(rule.Observe(Points.Count("tianhe", 10, Points.Monday.AddMinutes(30))));
    }

    [Fact]
    public void Observe_OtherMeasurements_Ignored()
    {
        var rule = new ComplaintSurgeRule(new SurgeRuleOptions());
        var series = SeriesKey.Create(MetricNames.Network, (MetricNames.RegionTag, "tianhe"));

        for (var minute = 0; minute < 100; minute++)
        {
            Assert.Null(rule.Observe(Points.At(series, MetricNames.LatencyField, minute == 80 ? 10_000 : 20, Points.Monday.AddMinutes(minute))));
        }
    }
}
