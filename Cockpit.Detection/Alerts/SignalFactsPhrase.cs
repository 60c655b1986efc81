namespace Cockpit.Detection.Alerts;

/// <summary>
/// The phrases <see cref="SignalFactsFormatter"/> builds a sentence from; a wording gives each as a composite format
/// string. The arguments each takes are listed on it; every argument is already formatted text.
/// </summary>
public enum SignalFactsPhrase
{
    /// <summary>{0} subject, {1} value, {2} <see cref="Expectation"/> or empty, {3} score.</summary>
    Anomalous,

    /// <summary>{0} expected value.</summary>
    Expectation,

    /// <summary>{0} expected value, {1} lower and {2} upper edge of the normal band.</summary>
    ExpectationWithBand,

    /// <summary>{0} subject, {1} value, {2} <see cref="Expectation"/> or empty.</summary>
    BackToNormal,

    /// <summary>{0} subject, {1} value, {2} a limit phrase (<see cref="LimitRange"/> …) or empty.</summary>
    BeyondLimit,

    /// <summary>{0} lower, {1} upper limit.</summary>
    LimitRange,

    /// <summary>{0} lower limit.</summary>
    LimitAtLeast,

    /// <summary>{0} upper limit.</summary>
    LimitAtMost,

    /// <summary>{0} subject, {1} value.</summary>
    WithinLimits,

    /// <summary>{0} subject, {1} duration, {2} score.</summary>
    Silent,

    /// <summary>{0} subject.</summary>
    SendingAgain,

    /// <summary>{0} subject, {1} duration.</summary>
    UnwatchedIdle,

    /// <summary>{0} subject.</summary>
    UnwatchedRuleChanged,

    /// <summary>{0} subject.</summary>
    UnwatchedRuleRemoved,

    /// <summary>{0} subject.</summary>
    Unwatched,

    /// <summary>{0} hours.</summary>
    Hours,

    /// <summary>{0} minutes.</summary>
    Minutes,

    /// <summary>{0} seconds.</summary>
    Seconds,
}
