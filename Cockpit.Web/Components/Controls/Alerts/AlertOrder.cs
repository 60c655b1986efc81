using Cockpit.Alerting.Model;

namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>The order people read alerts in.</summary>
public static class AlertOrder
{
    /// <summary>
    /// Open alerts (pending, firing, acknowledged) first, newest start first; then resolved ones, most recently
    /// resolved first. Open ones go by start rather than last change so rows do not jump on every signal; resolved ones
    /// by last change (their resolution), because their end times mix data time (recovered) and clock time (by hand).
    /// </summary>
    public static IReadOnlyList<AlertRecord> ForList(IEnumerable<AlertRecord> alerts) =>
        [.. alerts
            .OrderBy(a => a.IsOpen ? 0 : 1)
            .ThenByDescending(a => a.IsOpen ? a.StartsAt : a.ChangedAt)
            .ThenByDescending(a => a.Id)];
}
