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
        new RobustZNabDetector(),
    ];
}
