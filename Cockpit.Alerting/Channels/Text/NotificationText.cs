using System.Globalization;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Notifications;
using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Channels.Text;

/// <summary>
/// The words of a message, shared by every channel so that a WeCom robot, a Feishu card and an email say the same
/// thing: a title like <c>[FIRING:2] complaint-surge 天河</c>, who it is for, and a few plain-text lines per alert,
/// all in the message's language (<see cref="Notification.Language"/>; alert summaries said from their facts).
/// Nothing here is escaped; the channels escape for their platform.
/// </summary>
internal sealed record NotificationText(
    string Title,
    string? Audience,
    IReadOnlyList<AlertText> Alerts,
    string? GroupLink,
    bool Firing,
    AlertSeverity Severity,
    MessageWords Words)
{

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
        var words = MessageWords.For(notification.Language);
        var alerts = notification.Alerts.Select(a => Of(a, words)).ToList();
        var firing = alerts.Count(a => a.Firing);
        var isFiring = string.Equals(notification.Status, "firing", StringComparison.OrdinalIgnoreCase) || firing > 0;
        var status = isFiring ? $"[{words.Firing}:{firing.ToString(CultureInfo.InvariantCulture)}]" : $"[{words.Resolved}]";
        var groupValues = GroupValues(notification.GroupLabels);
        var title = groupValues.Length == 0 ? status : status + " " + groupValues;
        var severity = alerts.Where(a => a.Firing == isFiring).Select(a => a.Severity).DefaultIfEmpty(AlertSeverity.Info).Max();
        return new NotificationText(title, AudienceOf(notification, words), alerts, SafeLink.Of(notification.GroupUrl), isFiring, severity, words);
    }

    /// <summary>Minutes are enough to find the moment on the wall; seconds would only add noise.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>What an alert says in <paramref name="words"/>' language: from its facts, or its stored English summary without them.</summary>
    public static string SummaryOf(NotifiedAlert alert, MessageWords words)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(words);
        return alert.Facts is { } facts ? SignalFactsFormatter.Format(facts, words) : alert.Summary;
    }

    private static AlertText Of(NotifiedAlert alert, MessageWords words)
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
            PlainText.Line(SummaryOf(alert, words), MaxSummary),
            Measure(alert.Annotations, words),
            Annotation(alert.Annotations, "likely_cause", MaxCause),
            Time(alert.StartsAt),
            !firing && alert.EndsAt is { } ends ? Time(ends) : null,
            SafeLink.Of(alert.GeneratorUrl),
            words);
    }

    private static string? Measure(IReadOnlyDictionary<string, string> annotations, MessageWords words)
    {
        var parts = new List<string>(3);
        foreach (var (key, name) in (ReadOnlySpan<(string, string)>)[("value", words.Value), ("expected", words.Expected), ("score", words.Score)])
        {
            if (Annotation(annotations, key, MaxAnnotation) is { } value)
            {
                parts.Add(name + " " + value);
            }
        }

        return parts.Count == 0 ? null : string.Join(words.MeasureSeparator, parts);
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

    private static string? AudienceOf(Notification notification, MessageWords words)
    {
        var team = PlainText.Line(notification.Team, MaxTitlePart);
        return (team.Length, notification.EscalationLevel) switch
        {
            (0, 0) => null,
            (0, var level) => words.Format(words.Level, level),
            (_, 0) => words.Format(words.Team, team),
            (_, var level) => words.Format(words.TeamLevel, team, level),
        };
    }
}
