namespace Cockpit.Detection.Rules.Catalog;

/// <summary>What a change to a rule does to the subjects it watches.</summary>
public enum RuleImpact
{
    /// <summary>Nothing that detection uses changed.</summary>
    None,

    /// <summary>
    /// Only when and how loudly it alerts changed (thresholds on the score, pending and recovery, severity): detectors
    /// keep what they learnt, open alerts stay open and follow the new conditions from the next value on.
    /// </summary>
    AlertingOnly,

    /// <summary>
    /// What it watches or how it scores changed: its subjects start learning afresh and its firing alerts are resolved
    /// (a seasonal baseline needs a week of data again).
    /// </summary>
    Relearn,
}
