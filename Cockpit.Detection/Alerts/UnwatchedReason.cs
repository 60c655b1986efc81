namespace Cockpit.Detection.Alerts;

/// <summary>Why a subject is no longer watched (<see cref="SignalFactKind.Unwatched"/>).</summary>
public enum UnwatchedReason
{
    /// <summary>Nothing arrived for it for <see cref="SignalFacts.Duration"/> (the idle timeout).</summary>
    Idle,

    /// <summary>Its rule was changed in what it watches or how it scores.</summary>
    RuleChanged,

    /// <summary>Its rule was disabled or deleted.</summary>
    RuleRemoved,

    /// <summary>A reason this version does not name.</summary>
    Other,
}
