using System.ComponentModel.DataAnnotations;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Detectors;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Rules;

/// <summary>
/// One detection rule (an entry of <c>Cockpit:Detection:Rules</c>): which series it watches, how it turns their points
/// into the values it scores, which detector scores them, and when a score becomes an alert.
/// </summary>
public sealed class DetectionRuleOptions
{
    /// <summary>The rule's name, shown on its alerts; unique among the rules.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_.-]*$", ErrorMessage = "Rule names are lower-case letters, digits, '-', '_' and '.'.")]
    public string Name { get; set; } = "";

    /// <summary>Switches the rule off without deleting it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The measurement to watch; <c>*</c> for any.</summary>
    [Required]
    public string Measurement { get; set; } = "*";

    /// <summary>The field to watch; <c>*</c> for any.</summary>
    [Required]
    public string Field { get; set; } = "*";

    /// <summary>
    /// Tags a series must carry: a value, alternatives separated by <c>|</c> (<c>hotline|app</c>), or <c>*</c> for
    /// "present, any value".
    /// </summary>
    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>
    /// Tags to group matching series by (e.g. <c>region</c>): each group is one watched subject, fed the aggregate of
    /// its series per <see cref="Bucket"/>. Empty: every matching series is watched on its own.
    /// </summary>
    public List<string> GroupBy { get; set; } = [];

    /// <summary>
    /// Folds points into event-time buckets of this width before scoring (required with <see cref="GroupBy"/>).
    /// Null scores every point as it arrives.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan? Bucket { get; set; }

    /// <summary>How a bucket's points become one value.</summary>
    public BucketAggregate Aggregate { get; set; } = BucketAggregate.Sum;

    /// <summary>The field the rule's field is divided by, for <see cref="BucketAggregate.Ratio"/> (e.g. <c>attempts</c>).</summary>
    public string? DivideBy { get; set; }

    /// <summary>Multiplies a ratio (100 for a percentage).</summary>
    [Range(1e-9, 1e9)]
    public double Multiplier { get; set; } = 1;

    /// <summary>A bucket whose divisor sums to less than this is not scored (too few attempts to say anything).</summary>
    [Range(0.0, 1e12)]
    public double MinDivisor { get; set; } = 1;

    /// <summary>
    /// What kind of numbers the rule scores: counts and proportions are judged against their own (Poisson, binomial)
    /// noise. <see cref="ValueModel.Auto"/> treats a ratio as a proportion and anything else as a measurement.
    /// </summary>
    public ValueModel Values { get; set; } = ValueModel.Auto;

    /// <summary>
    /// While a subject's alert is open or pending, its values are scored against the baseline from before the incident
    /// and not learnt, so an alert neither fades into its own baseline while the incident lasts nor resolves against
    /// one that learnt the incident. A level that stays moved is still accepted as the new normal by the detectors' own
    /// rules (<c>Surge:AcceptShiftAfter</c>, <c>LevelShift:RebaselineAfter</c>). Off, detectors learn from every value.
    /// </summary>
    public bool HoldWhileAlerting { get; set; } = true;

    /// <summary>The detector.</summary>
    public DetectorKind Detector { get; set; } = DetectorKind.Combined;

    /// <summary>
    /// Score the residual from the hour-of-week baseline instead of the raw value (surge, level shift, combined), so
    /// that a Monday-morning peak is not an anomaly.
    /// </summary>
    public bool Seasonal { get; set; } = true;

    /// <summary>Multiplies the detector's evidence: above 1 alerts earlier and more often, below 1 later and less.</summary>
    [Range(0.1, 10.0)]
    public double Sensitivity { get; set; } = 1;

    /// <summary>Which deviations count.</summary>
    public Direction Direction { get; set; } = Direction.Both;

    /// <summary>The anomaly score at or above which a value is anomalous.</summary>
    [Range(0.01, 1.0)]
    public double FireAbove { get; set; } = 0.5;

    /// <summary>The score below which a value counts towards recovery (hysteresis: below <see cref="FireAbove"/>).</summary>
    [Range(0.0, 1.0)]
    public double RecoverBelow { get; set; } = 0.3;

    /// <summary>Consecutive anomalous values needed before the alert fires.</summary>
    [Range(1, 10_000)]
    public int PendingPoints { get; set; } = 1;

    /// <summary>How long (event time) values must stay anomalous before the alert fires.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan PendingFor { get; set; } = TimeSpan.Zero;

    /// <summary>Consecutive recovered values needed before a firing alert resolves.</summary>
    [Range(1, 10_000)]
    public int RecoveryPoints { get; set; } = 3;

    /// <summary>Shortest time between two firings of one subject; a re-trigger sooner waits (flapping stays quiet).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MinRefireInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The severity of the rule's alerts.</summary>
    public AlertSeverity Severity { get; set; } = AlertSeverity.Warning;

    /// <summary>A score at or above which the alert is critical whatever <see cref="Severity"/> says; null never escalates.</summary>
    [Range(0.0, 1.0)]
    public double? CriticalAbove { get; set; } = 0.95;

    /// <summary>Settings of the surge detector (<see cref="DetectorKind.Surge"/>, <see cref="DetectorKind.Combined"/>).</summary>
    [ValidateObjectMembers]
    public SurgeDetectorOptions Surge { get; set; } = new();

    /// <summary>Settings of the level-shift detector (<see cref="DetectorKind.LevelShift"/>, <see cref="DetectorKind.Combined"/>).</summary>
    [ValidateObjectMembers]
    public LevelShiftDetectorOptions LevelShift { get; set; } = new();

    /// <summary>Settings of the hour-of-week baseline (seasonal rules and <see cref="DetectorKind.Seasonal"/>).</summary>
    [ValidateObjectMembers]
    public SeasonalBaselineOptions SeasonalBaseline { get; set; } = new();

    /// <summary>Calibration of the combined score by its rarity on the series (<see cref="DetectorKind.Combined"/>).</summary>
    [ValidateObjectMembers]
    public ScoreRarityOptions Rarity { get; set; } = new();

    /// <summary>The limits of a <see cref="DetectorKind.Threshold"/> rule (required there, ignored elsewhere).</summary>
    [ValidateObjectMembers]
    public ThresholdDetectorOptions? Threshold { get; set; }

    /// <summary>Settings of a <see cref="DetectorKind.NoData"/> rule.</summary>
    [ValidateObjectMembers]
    public NoDataDetectorOptions NoData { get; set; } = new();
}
