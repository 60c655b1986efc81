using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Web.Components.Controls.Alerts;

namespace Cockpit.Web.Inbox;

/// <summary>
/// The alerts that share the values of the group-by labels — the same grouping the notifications use
/// (<c>AlertingOptions.Grouping.EffectiveGroupBy</c>, by default rule and region).
/// </summary>
/// <param name="Values">Each group-by label and the group's value ("" when the alerts lack the label).</param>
/// <param name="Alerts">The group's alerts in list order.</param>
public sealed record InboxGroup(IReadOnlyList<KeyValuePair<string, string>> Values, IReadOnlyList<AlertRecord> Alerts)
{
    /// <summary>A stable key for the group (its values joined).</summary>
    public string Key => string.Join("\u001f", Values.Select(v => v.Key + "=" + v.Value));

    public int Open => Alerts.Count(a => a.IsOpen);

    /// <summary>Firing and not yet acknowledged: what needs someone.</summary>
    public int Firing => Alerts.Count(a => a.Status == AlertStatus.Firing);

    /// <summary>The most severe open alert's severity (or of any alert when none is open).</summary>
    public AlertSeverity Severity => (Alerts.Any(a => a.IsOpen) ? Alerts.Where(a => a.IsOpen) : Alerts).Max(a => a.Severity);

    /// <summary>
    /// Groups <paramref name="alerts"/> by <paramref name="groupBy"/>. Groups with firing alerts come first, then
    /// other open ones, then resolved ones; within each, the most severe first, then the newest start.
    /// </summary>
    public static IReadOnlyList<InboxGroup> Of(IEnumerable<AlertRecord> alerts, IReadOnlyList<string> groupBy)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(groupBy);
        return [.. alerts
            .GroupBy(a => ValuesOf(a, groupBy), ValuesComparer.Instance)
            .Select(g => new InboxGroup(g.Key, AlertOrder.ForList(g)))
            .OrderBy(g => g.Firing > 0 ? 0 : g.Open > 0 ? 1 : 2)
            .ThenByDescending(g => g.Severity)
            .ThenByDescending(g => g.Alerts[0].IsOpen ? g.Alerts[0].StartsAt : g.Alerts[0].ChangedAt)
            .ThenBy(g => g.Key, StringComparer.Ordinal)];
    }

    private static KeyValuePair<string, string>[] ValuesOf(AlertRecord alert, IReadOnlyList<string> groupBy)
    {
        var labels = alert.Labels;
        return [.. groupBy.Select(name => KeyValuePair.Create(name, labels.TryGetValue(name, out var v) ? v : ""))];
    }

    private sealed class ValuesComparer : IEqualityComparer<KeyValuePair<string, string>[]>
    {
        public static ValuesComparer Instance { get; } = new();

        public bool Equals(KeyValuePair<string, string>[]? x, KeyValuePair<string, string>[]? y) =>
            x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(KeyValuePair<string, string>[] obj)
        {
            var hash = new HashCode();
            foreach (var (key, value) in obj)
            {
                hash.Add(key, StringComparer.Ordinal);
                hash.Add(value, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
