using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Pipeline;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>
/// The rules that ship in appsettings.json bind, validate and stay quiet on quiet simulated days; what they do with
/// staged incidents is <see cref="DemoIncidentTests"/>.
/// </summary>
public sealed class DefaultRulesTests
{
    internal static DetectionOptions Shipped() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build()
            .GetSection(DetectionOptions.SectionName).Get<DetectionOptions>()!;

    // Minute by minute, arrival = event time; silence and eviction are swept every simulated minute.
    internal static List<AlertSignal> Run(TelecomSimulator simulator, int minutes)
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

    internal static string Describe(IEnumerable<AlertSignal> signals) =>
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
}
