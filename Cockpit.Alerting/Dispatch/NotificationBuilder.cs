using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cockpit.Alerting.Channels.Text;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Notifications;
using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Dispatch;

/// <summary>Builds a group's message from its alerts: firing ones first, then the resolutions it owes.</summary>
internal static class NotificationBuilder
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";

    public static Notification Build(
        NotificationGroup group, IReadOnlyList<AlertRecord> firing, IReadOnlyList<AlertRecord> resolved, DateTimeOffset now, string externalUrl, string language)
    {
        ArgumentNullException.ThrowIfNull(group);
        var baseUrl = externalUrl.TrimEnd('/');
        var words = MessageWords.For(language);
        var alerts = firing.Select(a => Notified(a, Firing, baseUrl, words)).Concat(resolved.Select(a => Notified(a, Resolved, baseUrl, words))).ToList();
        return new Notification
        {
            Receiver = group.Receiver,
            GroupKey = group.Key,
            Status = firing.Count > 0 ? Firing : Resolved,
            Team = group.Team,
            EscalationLevel = group.Level,
            GroupLabels = new SortedDictionary<string, string>(group.GroupLabels.ToDictionary(), StringComparer.Ordinal),
            CommonLabels = Common(alerts.Select(a => a.Labels)),
            CommonAnnotations = Common(alerts.Select(a => a.Annotations)),
            ExternalUrl = baseUrl,
            GroupUrl = $"{baseUrl}/alerts?filter={Uri.EscapeDataString(GroupKey.Matchers(group.GroupLabels))}",
            Alerts = alerts,
            Language = words.Language,
            CreatedAt = now,
        };
    }

    /// <summary>16 hex digits from the alert's fingerprint, stable across restarts and versions.</summary>
    public static string FingerprintHex(string fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)).AsSpan(0, 8));

    // The summary annotation is in the message's language (webhook receivers show it to people too); the stored English
    // summary and the facts travel beside it so that channels can say it themselves.
    private static NotifiedAlert Notified(AlertRecord alert, string status, string baseUrl, MessageWords words)
    {
        var summary = alert.Facts is { } facts ? SignalFactsFormatter.Format(facts, words) : alert.Summary;
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["summary"] = summary };
        AddNumber(annotations, "value", alert.Value);
        AddNumber(annotations, "expected", alert.Expected);
        AddNumber(annotations, "score", alert.Score);
        if (!string.IsNullOrEmpty(alert.LikelyCause))
        {
            annotations["likely_cause"] = alert.LikelyCause;
        }

        return new NotifiedAlert
        {
            Status = status,
            Labels = alert.Labels,
            Annotations = annotations,
            StartsAt = alert.StartsAt,
            EndsAt = status == Resolved ? alert.EndsAt ?? alert.ChangedAt : null,
            GeneratorUrl = $"{baseUrl}/alerts/{alert.Id.ToString(CultureInfo.InvariantCulture)}",
            Fingerprint = FingerprintHex(alert.Fingerprint),
            AlertId = alert.Id,
            Severity = alert.Severity,
            Summary = alert.Summary,
            Facts = alert.Facts,
        };
    }

    private static void AddNumber(SortedDictionary<string, string> annotations, string name, double value)
    {
        if (double.IsFinite(value))
        {
            annotations[name] = value.ToString("G6", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The pairs every set has with the same value.</summary>
    private static SortedDictionary<string, string> Common(IEnumerable<IReadOnlyDictionary<string, string>> sets)
    {
        SortedDictionary<string, string>? common = null;
        foreach (var set in sets)
        {
            if (common is null)
            {
                common = new SortedDictionary<string, string>(set.ToDictionary(), StringComparer.Ordinal);
                continue;
            }

            foreach (var (name, value) in common.ToList())
            {
                if (!set.TryGetValue(name, out var other) || !string.Equals(value, other, StringComparison.Ordinal))
                {
                    common.Remove(name);
                }
            }
        }

        return common ?? new SortedDictionary<string, string>(StringComparer.Ordinal);
    }
}
