using Cockpit.Alerting.Silences;

namespace Cockpit.Alerting.Dispatch;

/// <summary>A route from <see cref="RouteOptions"/> with its matchers parsed and the grouping defaults filled in.</summary>
internal sealed record NotificationRoute(
    string Name,
    string Team,
    IReadOnlyList<LabelMatcher> Matchers,
    IReadOnlyList<string> Receivers,
    bool Continue,
    IReadOnlyList<string> GroupBy,
    GroupTimers Timers,
    IReadOnlyList<EscalationOptions> Escalation)
{
    /// <summary>The name of the route every alert takes when no routes are configured.</summary>
    public const string DefaultName = "default";
}
