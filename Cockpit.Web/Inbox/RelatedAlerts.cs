using Cockpit.Alerting.Model;
using Cockpit.Web.Components.Controls.Alerts;

namespace Cockpit.Web.Inbox;

/// <summary>The alerts worth a look from one alert's page.</summary>
/// <param name="InhibitedBy">The alert that inhibits this one (its likely cause), if any.</param>
/// <param name="Inhibits">The alerts this one inhibits (likely its effects).</param>
/// <param name="SameRegion">Other alerts of the same region that started within an hour of it, nearest first.</param>
public sealed record RelatedAlerts(AlertRecord? InhibitedBy, IReadOnlyList<AlertRecord> Inhibits, IReadOnlyList<AlertRecord> SameRegion)
{
    /// <summary>The region label.</summary>
    public const string RegionLabel = "region";

    /// <summary>How far apart in start time alerts of one region count as related.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>The most same-region alerts shown.</summary>
    public const int MaxSameRegion = 20;

    public bool IsEmpty => InhibitedBy is null && Inhibits.Count == 0 && SameRegion.Count == 0;

    /// <summary>
    /// Finds the related alerts of <paramref name="alert"/> among <paramref name="alerts"/> (the book's snapshot);
    /// <paramref name="find"/> looks up an inhibiting alert the snapshot no longer has.
    /// </summary>
    public static RelatedAlerts Of(AlertRecord alert, IReadOnlyList<AlertRecord> alerts, Func<long, AlertRecord?> find)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(find);
        var cause = alert.InhibitedBy is { } causeId ? alerts.FirstOrDefault(a => a.Id == causeId) ?? find(causeId) : null;
        var effects = AlertOrder.ForList(alerts.Where(a => a.InhibitedBy == alert.Id && a.Id != alert.Id));
        var shown = new HashSet<long>(effects.Select(a => a.Id)) { alert.Id };
        if (cause is not null)
        {
            shown.Add(cause.Id);
        }

        IReadOnlyList<AlertRecord> sameRegion = alert.Tags.TryGetValue(RegionLabel, out var region)
            ? [.. alerts
                .Where(a => !shown.Contains(a.Id)
                    && a.Tags.TryGetValue(RegionLabel, out var r) && string.Equals(r, region, StringComparison.Ordinal)
                    && (a.StartsAt - alert.StartsAt).Duration() <= Window)
                .OrderBy(a => (a.StartsAt - alert.StartsAt).Duration())
                .ThenBy(a => a.Id)
                .Take(MaxSameRegion)]
            : [];
        return new RelatedAlerts(cause, effects, sameRegion);
    }
}
