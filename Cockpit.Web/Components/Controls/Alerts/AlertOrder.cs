using Cockpit.Alerting.Model;

namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>The order people read alerts in.</summary>
public static class AlertOrder
{
    /// <summary>
    /// Open alerts (pending, firing, acknowledged) first, newest start first; then resolved ones, most recently ended
    /// first. Start and end times rather than the last change, so rows do not jump on every signal.
    /// </summary>
    public static IReadOnlyList<AlertRecord> ForList(IEnumerable<AlertRecord> alerts) =>
        [.. alerts
            .OrderBy(a => a.IsOpen ? 0 : 1)
            .ThenByDescending(a => a.IsOpen ? a.StartsAt : a.EndsAt ?? a.UpdatedAt)
            .ThenByDescending(a => a.Id)];
}
