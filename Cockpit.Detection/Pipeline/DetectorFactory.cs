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
    public DetectorStack CreateStack(DetectionRuleOptions rule)
    {
        var seasonal = rule.Seasonal || rule.Detector == DetectorKind.Seasonal ? new SeasonalBaseline(rule.SeasonalBaseline) : null;
        var scale = Scale(rule);
        return rule.Detector switch
        {
            DetectorKind.Surge => new DetectorStack(seasonal, false, [new SurgeDetector(rule.Surge)], rule.Direction, rule.Sensitivity, scale: scale, floorBand: true, guardLevel: rule.HoldWhileAlerting),
            DetectorKind.LevelShift => new DetectorStack(seasonal, false, [new LevelShiftDetector(rule.LevelShift)], rule.Direction, rule.Sensitivity, scale: scale, floorBand: true, guardLevel: rule.HoldWhileAlerting),
            DetectorKind.Seasonal => new DetectorStack(seasonal, true, [], rule.Direction, rule.Sensitivity, scale: scale, floorBand: true, guardLevel: rule.HoldWhileAlerting),

            // A threshold is a line drawn in the series' own units: never rescaled.
            DetectorKind.Threshold => new DetectorStack(null, false, [new ThresholdDetector(rule.Threshold ?? throw new ArgumentException($"Rule '{rule.Name}' has no Threshold limits.", nameof(rule)))], rule.Direction, 1),
            DetectorKind.Combined => new DetectorStack(seasonal, seasonal is not null, [new SurgeDetector(rule.Surge), new LevelShiftDetector(rule.LevelShift)], rule.Direction, rule.Sensitivity, new ScoreCalibration(rule.Rarity), scale, floorBand: true, guardLevel: rule.HoldWhileAlerting),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Detector, $"Rule '{rule.Name}': {rule.Detector} is not a value detector."),
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
