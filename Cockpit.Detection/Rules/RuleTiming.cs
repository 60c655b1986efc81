using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Rules;

/// <summary>A rule's alerting conditions, converted once to nanoseconds for the per-point path.</summary>
internal sealed record RuleTiming(
    double FireAbove,
    double RecoverBelow,
    int PendingPoints,
    long PendingNs,
    int RecoveryPoints,
    long MinRefireNs,
    double CriticalAbove)
{
    public static RuleTiming From(DetectionRuleOptions rule) => new(
        rule.FireAbove,
        Math.Min(rule.RecoverBelow, rule.FireAbove),
        rule.PendingPoints,
        UnixTime.ToNanos(rule.PendingFor),
        rule.RecoveryPoints,
        UnixTime.ToNanos(rule.MinRefireInterval),
        rule.CriticalAbove ?? double.PositiveInfinity);
}
