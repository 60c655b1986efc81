using Cockpit.Detection.Detectors;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// How a rule's <see cref="DetectorStack"/>s combine and show their detectors' readings: the same for every series of the
/// rule, so one instance is shared by all of its stacks instead of being copied into each series' state.
/// </summary>
/// <param name="ScoreSeasonal">The seasonal baseline's own band is scored, not only used to take residuals.</param>
/// <param name="Direction">The direction scores count in.</param>
/// <param name="Sensitivity">The rule's sensitivity, applied on top of the detectors' (<see cref="AnomalyScale.Sharpen"/>).</param>
/// <param name="Scale">The scale values are scored on (<see cref="ValueScale"/>).</param>
/// <param name="FloorBand">A learnt band's lower edge stops at 0 until the series goes below zero.</param>
/// <param name="GuardLevel">The fallback level steps by at most two noise units towards a value (rules that hold their baselines while alerting).</param>
internal sealed record StackSettings(
    bool ScoreSeasonal,
    Direction Direction,
    double Sensitivity = 1,
    ValueScale Scale = default,
    bool FloorBand = false,
    bool GuardLevel = false);
