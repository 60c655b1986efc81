using System.Runtime.CompilerServices;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// Builds the production detectors a rule asks for. <see cref="DetectorKind.Surge"/>, <see cref="DetectorKind.LevelShift"/>
/// and <see cref="DetectorKind.Combined"/> run on the residual from the hour-of-week baseline when the rule is
/// seasonal; <see cref="DetectorKind.Combined"/> also scores the baseline's own band and calibrates its score by its
/// rarity on the series and by daily routines (<see cref="DetectionRuleOptions.Rarity"/>).
/// </summary>
internal sealed class DetectorFactory : IDetectorFactory
{
    // A rule's stacks share its settings: built on its first stack, kept as long as the rule's options are.
    private readonly ConditionalWeakTable<DetectionRuleOptions, StackSettings> _settings = [];

    public DetectorStack CreateStack(DetectionRuleOptions rule)
    {
        var seasonal = rule.Seasonal || rule.Detector == DetectorKind.Seasonal ? new SeasonalBaseline(rule.SeasonalBaseline) : null;
        var settings = _settings.GetValue(rule, Settings);
        return rule.Detector switch
        {
            DetectorKind.Surge => new DetectorStack(settings, seasonal, [new SurgeDetector(rule.Surge)]),
            DetectorKind.LevelShift => new DetectorStack(settings, seasonal, [new LevelShiftDetector(rule.LevelShift)]),
            DetectorKind.Seasonal => new DetectorStack(settings, seasonal, []),
            DetectorKind.Threshold => new DetectorStack(settings, null, [new ThresholdDetector(rule.Threshold ?? throw new ArgumentException($"Rule '{rule.Name}' has no Threshold limits.", nameof(rule)))]),
            DetectorKind.Combined => new DetectorStack(settings, seasonal, [new SurgeDetector(rule.Surge), new LevelShiftDetector(rule.LevelShift)], Calibration(rule.Rarity)),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Detector, $"Rule '{rule.Name}': {rule.Detector} is not a value detector."),
        };
    }

    // With neither rarity nor daily routines a calibration would pass every score through: no state is kept for it.
    private static ScoreCalibration? Calibration(ScoreRarityOptions options) =>
        options.Enabled || options.DailyRoutines ? new ScoreCalibration(options) : null;

    /// <summary>How the stacks of <paramref name="rule"/> combine and show their readings.</summary>
    public static StackSettings Settings(DetectionRuleOptions rule)
    {
        var seasonal = rule.Seasonal || rule.Detector == DetectorKind.Seasonal;
        return rule.Detector switch
        {
            // A threshold is a line drawn in the series' own units: never rescaled, never sharpened, its limits as set.
            DetectorKind.Threshold => new StackSettings(false, rule.Direction),
            _ => new StackSettings(
                ScoreSeasonal: seasonal && rule.Detector is DetectorKind.Seasonal or DetectorKind.Combined,
                rule.Direction,
                rule.Sensitivity,
                Scale(rule),
                FloorBand: true,
                GuardLevel: rule.HoldWhileAlerting),
        };
    }

    /// <summary>The scale a rule's values are scored on, <see cref="ValueModel.Auto"/> resolved.</summary>
    public static ValueScale Scale(DetectionRuleOptions rule) => rule.Values switch
    {
        ValueModel.Auto => new ValueScale(rule.Aggregate == BucketAggregate.Ratio ? ValueModel.Proportions : ValueModel.Continuous, rule.Multiplier),
        var model => new ValueScale(model, rule.Multiplier),
    };

    public ISilenceDetector CreateSilence(DetectionRuleOptions rule) => new NoDataDetector(rule.NoData);
}
