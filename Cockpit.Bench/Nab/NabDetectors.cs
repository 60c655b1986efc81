using Cockpit.Detection.Detectors;

namespace Cockpit.Bench.Nab;

/// <summary>
/// The detectors the NAB command knows, in the order it runs and prints them. Adding one is one line here, e.g.
/// <c>new NabSeriesDetector("seasonal", () =&gt; new SeasonalBaselineDetector(...))</c>.
/// </summary>
public static class NabDetectors
{
    /// <summary>Every registered detector; <c>--detectors</c> picks among them by name.</summary>
    public static IReadOnlyList<INabDetector> All { get; } =
    [
        new CockpitNabDetector("cockpit", NabRule.Load(), alertsOnly: true),
        new CockpitNabDetector("cockpit-score", NabRule.Load(), alertsOnly: false),
        new NabSeriesDetector("surge", () => new SurgeDetector(new SurgeDetectorOptions())),
        new NabSeriesDetector("levelshift", () => new LevelShiftDetector(new LevelShiftDetectorOptions())),
        new NabSeriesDetector("seasonal", () => new SeasonalBaseline(new SeasonalBaselineOptions())),
    ];
}
