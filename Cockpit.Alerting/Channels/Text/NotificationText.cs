using System.Globalization;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Notifications;
using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Channels.Text;

/// <summary>
/// The words of a message, shared by every channel so that a WeCom robot, a Feishu card and an email say the same
/// thing: a title like <c>[FIRING:2] complaint-surge 天河</c>, who it is for, and a few plain-text lines per alert.
/// Nothing here is escaped; the channels escape for their platform.
/// </summary>
internal sealed record NotificationText(
    string Title,
    string? Audience,
    IReadOnlyList<AlertText> Alerts,
    string? GroupLink,
    bool Firing,
    AlertSeverity Severity)
{
    /// <summary>The button and footer text linking back to Cockpit.</summary>
    public const string ViewInCockpit = "View in Cockpit";

    private const int MaxLabels = 12;
    private const int MaxLabelKey = 40;
    private const int MaxLabelValue = 120;
    private const int MaxSummary = 400;
    private const int MaxCause = 300;
    private const int MaxAnnotation = 40;
    private const int MaxTitlePart = 80;

    // Shown in the alert's heading or implied by it; the rest of the labels are listed.
    private static readonly HashSet<string> HeadingLabels = new(StringComparer.Ordinal)
    {
        AlertLabels.AlertName, AlertLabels.Rule, AlertLabels.Severity, AlertLabels.Measurement,
    };

    /// <summary>Builds the text of a notification.</summary>
    public static NotificationText From(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var alerts = notification.Alerts.Select(Of).ToList();
        var firing = alerts.Count(a => a.Firing);
        var isFiring = string.Equals(notification.Status, "firing", StringComparison.OrdinalIgnoreCase) || firing > 0;
        var status = isFiring ? $"[FIRING:{firing.ToString(CultureInfo.InvariantCulture)}]" : "[RESOLVED]";
        var groupValues = GroupValues(notification.GroupLabels);
        var title = groupValues.Length == 0 ? status : status + " " + groupValues;
        var severity = alerts.Where(a => a.Firing == isFiring).Select(a => a.Severity).DefaultIfEmpty(AlertSeverity.Info).Max();
        return new NotificationText(title, AudienceOf(notification), alerts, SafeLink.Of(notification.GroupUrl), isFiring, severity);
    }

    /// <summary>Minutes are enough to find the moment on the wall; seconds would only add noise.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static AlertText Of(NotifiedAlert alert)
    {
        var rule = alert.Labels.TryGetValue(AlertLabels.AlertName, out var name) ? name
            : alert.Labels.TryGetValue(AlertLabels.Rule, out var r) ? r : "alert";
        var labels = alert.Labels
            .Where(l => !HeadingLabels.Contains(l.Key))
            .OrderBy(l => l.Key, StringComparer.Ordinal)
            .Take(MaxLabels)
            .Select(l => PlainText.Line(l.Key, MaxLabelKey) + "=" + PlainText.Line(l.Value, MaxLabelValue))
            .ToList();
        var firing = string.Equals(alert.Status, "firing", StringComparison.OrdinalIgnoreCase);
        return new AlertText(
            firing,
            alert.Severity,
            PlainText.Line(rule, MaxTitlePart),
            labels,
            PlainText.Line(alert.Summary, MaxSummary),
            Measure(alert.Annotations),
            Annotation(alert.Annotations, "likely_cause", MaxCause),
            Time(alert.StartsAt),
            !firing && alert.EndsAt is { } ends ? Time(ends) : null,
            SafeLink.Of(alert.GeneratorUrl));
    }

    private static string? Measure(IReadOnlyDictionary<string, string> annotations)
    {
        var parts = new List<string>(3);
        foreach (var key in (string[])["value", "expected", "score"])
        {
            if (Annotation(annotations, key, MaxAnnotation) is { } value)
            {
                parts.Add(key + " " + value);
            }
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    private static string? Annotation(IReadOnlyDictionary<string, string> annotations, string key, int max) =>
        annotations.TryGetValue(key, out var value) && PlainText.Line(value, max) is { Length: > 0 } line ? line : null;

    // Alertmanager's subject lists the group label values; the rule goes first so the subject reads "what, where".
    private static string GroupValues(IReadOnlyDictionary<string, string> groupLabels) =>
        string.Join(' ', groupLabels
            .OrderBy(l => l.Key is AlertLabels.AlertName ? 0 : l.Key is AlertLabels.Rule ? 1 : 2)
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .DistinctBy(l => l.Value)
            .Select(l => PlainText.Line(l.Value, MaxTitlePart))
            .Where(v => v.Length > 0));

    private static string? AudienceOf(Notification notification)
    {
        var team = PlainText.Line(notification.Team, MaxTitlePart);
        return (team.Length, notification.EscalationLevel) switch
        {
            (0, 0) => null,
            (0, var level) => $"Escalation level {level.ToString(CultureInfo.InvariantCulture)}",
            (_, 0) => $"Team {team}",
            (_, var level) => $"Team {team}, escalation level {level.ToString(CultureInfo.InvariantCulture)}",
        };
    }
}
