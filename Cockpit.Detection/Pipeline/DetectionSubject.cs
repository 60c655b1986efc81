using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// What one rule watches as one unit — a series' field, or a group of series — with all the state the rule keeps
/// for it: its detectors, its open bucket, its alert. Everything here is per subject, so subjects can be spread over
/// nodes by <see cref="Key"/>.
/// </summary>
internal sealed class DetectionSubject(
    CompiledRule rule,
    string key,
    string measurement,
    string field,
    KeyValuePair<string, string>[] labels,
    DetectorStack? stack,
    ISilenceDetector? silence)
{
    /// <summary>The alert of this subject. A field, not a property: the state machine is a mutable struct.</summary>
    public AlertStateMachine Alert;

    /// <summary>The rule; replaced in place when an admin changes only when it alerts (see <see cref="Rules.Catalog.RuleImpact"/>).</summary>
    public CompiledRule Rule { get; set; } = rule;

    /// <summary>Rule name plus the series (and field) or the group values: unique among subjects.</summary>
    public string Key { get; } = key;

    public string Measurement { get; } = measurement;

    /// <summary>The field; empty for a group over several fields.</summary>
    public string Field { get; } = field;

    /// <summary>The labels alerts carry: the series' tags, or the group's tag values.</summary>
    public KeyValuePair<string, string>[] Labels { get; } = labels;

    /// <summary>The value detectors; null for a no-data rule.</summary>
    public DetectorStack? Stack { get; } = stack;

    /// <summary>The silence detector of a no-data rule.</summary>
    public ISilenceDetector? Silence { get; } = silence;

    /// <summary>The open bucket of a bucketed rule.</summary>
    public EventTimeBucket? Bucket { get; } = rule.BucketNs > 0 && !rule.IsSilence ? new EventTimeBucket(rule.BucketNs, rule.Options.Aggregate, rule.Options.Multiplier, rule.Options.MinDivisor) : null;

    /// <summary>Newest event time fed to the detectors; older points are late.</summary>
    public long NewestNs { get; set; } = long.MinValue;

    /// <summary>Scheduler time the last point arrived at; idle subjects are evicted by it.</summary>
    public long LastArrivalNs { get; set; }

    /// <summary>Bytes this subject's detectors hold.</summary>
    public int DetectorBytes => (Stack?.StateBytes ?? 0) + (Silence?.StateBytes ?? 0);
}
