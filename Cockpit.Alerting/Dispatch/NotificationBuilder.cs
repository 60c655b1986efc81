using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Notifications;

namespace Cockpit.Alerting.Dispatch;

/// <summary>Builds a group's message from its alerts: firing ones first, then the resolutions it owes.</summary>
internal static class NotificationBuilder
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";

    public static Notification Build(
        NotificationGroup group, IReadOnlyList<AlertRecord> firing, IReadOnlyList<AlertRecord> resolved, DateTimeOffset now, string externalUrl)
    {
        ArgumentNullException.ThrowIfNull(group);
        var baseUrl = externalUrl.TrimEnd('/');
        var alerts = firing.Select(a => Notified(a, Firing, baseUrl)).Concat(resolved.Select(a => Notified(a, Resolved, baseUrl))).ToList();
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
            CreatedAt = now,
        };
    }

    /// <summary>16 hex digits from the alert's fingerprint, stable across restarts and versions.</summary>
    public static string FingerprintHex(string fingerprint) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)).AsSpan(0, 8));

    private static NotifiedAlert Notified(AlertRecord alert, string status, string baseUrl)
    {
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["summary"] = alert.Summary };
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
