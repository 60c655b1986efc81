using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Pipeline;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>
/// The rules that ship in appsettings.json, on the simulator's data through the production engine and detectors:
/// every staged incident raises its alert in its district, early, and quiet days raise nothing.
/// </summary>
public sealed class DefaultRulesTests
{
    internal static DetectionOptions Shipped() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()
            .GetSection(DetectionOptions.SectionName).Get<DetectionOptions>()!;

    // Minute by minute, arrival = event time; silence and eviction are swept every simulated minute.
    private static List<AlertSignal> Run(TelecomSimulator simulator, int minutes)
    {
        using var engine = new DetectionEngine(Shipped());
        var signals = new List<AlertSignal>();
        using var subscription = engine.Signals.Subscribe(signals.Add);
        for (var tick = 0; tick < minutes; tick++)
        {
            foreach (var point in simulator.Generate(tick))
            {
                engine.Observe(point, point.TimestampNs);
            }

            engine.Sweep(UnixTime.ToNanos(simulator.TimeOf(tick)));
        }

        return signals;
    }

    private static string Describe(IEnumerable<AlertSignal> signals) =>
        string.Join("\n", signals.Select(s => $"{s.Time:MM-dd HH:mm} {(s.Firing ? "FIRE" : "ok  ")} {s.Summary}"));

    [Fact]
    public void ShippedRules_BindAndValidate()
    {
        var options = Shipped();

        Assert.Contains(options.Rules, r => r.Name == "complaint-surge");
        Assert.True(new Cockpit.Detection.Rules.DetectionRulesValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void ShippedRules_TwoQuietDaysOfSimulatedData_RaiseNothing()
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = 11, FirstIncidentAfter = TimeSpan.FromDays(30) }, Points.Monday);

        var signals = Run(simulator, 2 * 24 * 60);

        Assert.True(signals.Count == 0, Describe(signals));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ShippedRules_StagedIncidents_EachAlertsInItsDistrictEarly(int seed)
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = seed, FirstIncidentAfter = TimeSpan.FromHours(26) }, Points.Monday);
        AssertIncidentsAlerted(simulator);
    }

    // The demo: the first incident 45 minutes after a cold start, before any baseline knows the hour of the day. The
    // alert clears once the surge fades (the simulator tapers it over its last fifth), not while it is at full height.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(20261124)]
    public void ShippedRules_DemoStartColdThenSurge_SurgeAlertLastsAsLongAsTheSurge(int seed)
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = seed }, Points.Monday);
        var surge = simulator.Schedule.ForCycle(0).Single(i => i.Kind == IncidentKind.ComplaintSurge);

        var signals = Run(simulator, (int)(surge.End - Points.Monday).TotalMinutes + 30);

        var report = Describe(signals);
        var surgeAlerts = signals.Where(s => s.Rule == "complaint-surge" && s.Tags[MetricNames.RegionTag] == surge.Region).ToList();
        Assert.True(surgeAlerts.Count > 0 && surgeAlerts[0].Firing, report);
        Assert.InRange(surgeAlerts[0].Time, surge.Start, surge.Start.AddMinutes(5));
        var resolved = surgeAlerts.FirstOrDefault(s => !s.Firing);
        Assert.True(resolved is not null, report);
        Assert.InRange(resolved.Time, surge.End - (surge.Duration * 0.2), surge.End.AddMinutes(20));
    }

    private static void AssertIncidentsAlerted(TelecomSimulator simulator)
    {
        var incidents = simulator.Schedule.ForCycle(0);
        var surge = incidents.Single(i => i.Kind == IncidentKind.ComplaintSurge);
        var decline = incidents.Single(i => i.Kind == IncidentKind.SuccessRateDecline);
        var outage = incidents.Single(i => i.Kind == IncidentKind.NetworkOutage);
        var end = new[] { surge.End, decline.End, outage.End }.Max();

        var signals = Run(simulator, (int)(end - Points.Monday).TotalMinutes + 30);
        var fired = signals.Where(s => s.Firing).ToList();
        var report = Describe(signals);

        AlertSignal First(string rule, Incident incident) =>
            fired.FirstOrDefault(s => s.Rule == rule && s.Tags.GetValueOrDefault(MetricNames.RegionTag) == incident.Region && s.Time >= incident.Start)
            ?? throw new Xunit.Sdk.XunitException($"No {rule} alert in {incident.Region} after {incident.Start:HH:mm}:\n{report}");

        Assert.InRange(First("complaint-surge", surge).Time, surge.Start, surge.Start.AddMinutes(5));

        // The surge stays an alert while it lasts (it does not become its own baseline) and clears once it fades (the
        // simulator tapers it over its last fifth).
        var surgeResolved = signals.FirstOrDefault(s => !s.Firing && s.Rule == "complaint-surge" && s.Tags[MetricNames.RegionTag] == surge.Region);
        Assert.True(surgeResolved is not null, report);
        Assert.InRange(surgeResolved.Time, surge.End - (surge.Duration * 0.2), surge.End.AddMinutes(20));
        Assert.InRange(First("network-outage", outage).Time, outage.Start, outage.Start.AddMinutes(3));

        // The slide is caught by the trend long before the success rate is low enough for the fixed threshold.
        var trend = First("success-rate-decline", decline);
        Assert.Equal(decline.Subject, trend.Tags[MetricNames.BusinessTypeTag]);
        Assert.InRange(trend.Time, decline.Start, decline.Start + (decline.Duration * 0.5));
        var low = fired.FirstOrDefault(s => s.Rule == "success-rate-low" && s.Tags.GetValueOrDefault(MetricNames.RegionTag) == decline.Region);
        Assert.True(low is null || low.Time > trend.Time, report);

        // Nothing fires in a district without an incident, and nothing before the first incident.
        var affected = new[] { surge.Region, decline.Region, outage.Region };
        Assert.True(fired.All(s => affected.Contains(s.Tags.GetValueOrDefault(MetricNames.RegionTag))), report);
        Assert.True(fired.All(s => s.Time >= incidents.Min(i => i.Start)), report);
    }
}
