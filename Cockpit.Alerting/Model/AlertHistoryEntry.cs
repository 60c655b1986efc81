using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Model;

/// <summary>One recorded change of an alert: what happened, who or what did it, and when (clock time).</summary>
/// <param name="AlertId">The alert.</param>
/// <param name="At">When.</param>
/// <param name="Actor">A user or token name, or <c>system</c>/<c>rule:&lt;name&gt;</c> for automatic changes.</param>
/// <param name="Action">What: fired, escalated, acknowledged, resolved, reopened, flapping, silenced, inhibited, notified, …</param>
/// <param name="Detail">Plain-text detail (may be empty).</param>
public sealed record AlertHistoryEntry(long AlertId, DateTimeOffset At, string Actor, string Action, string Detail)
{
    /// <summary>
    /// The facts of the signal behind the line when <see cref="Detail"/> ends with its summary (fired, escalated,
    /// recovered, resolved by the rule); null otherwise and on lines stored before facts existed.
    /// </summary>
    public SignalFacts? Facts { get; init; }
}
