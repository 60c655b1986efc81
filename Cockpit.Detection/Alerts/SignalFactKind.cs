namespace Cockpit.Detection.Alerts;

/// <summary>What an <see cref="SignalFacts"/> says happened to the subject.</summary>
public enum SignalFactKind
{
    /// <summary>A value detector finds the value anomalous (firing or pending).</summary>
    Anomalous,

    /// <summary>A value detector finds the value normal again.</summary>
    BackToNormal,

    /// <summary>A fixed-limit (threshold) rule finds the value beyond its limits.</summary>
    BeyondLimit,

    /// <summary>A fixed-limit rule finds the value back within its limits.</summary>
    WithinLimits,

    /// <summary>A no-data rule has had nothing from the subject for <see cref="SignalFacts.Duration"/>.</summary>
    Silent,

    /// <summary>A no-data rule receives data from the subject again.</summary>
    SendingAgain,

    /// <summary>The subject is no longer watched, for <see cref="SignalFacts.Reason"/>.</summary>
    Unwatched,
}
