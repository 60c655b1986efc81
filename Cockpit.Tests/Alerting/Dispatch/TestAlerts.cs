using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>Alert records as the book would publish them, for dispatcher and delivery tests.</summary>
public static class TestAlerts
{
    /// <summary>A firing alert of <paramref name="rule"/> in <paramref name="region"/>; extra tags make distinct alerts of one group.</summary>
    public static AlertRecord Firing(
        long id, DateTimeOffset at, string rule = "complaint-surge", string region = "tianhe", string? channel = null, AlertSeverity severity = AlertSeverity.Warning)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["region"] = region };
        if (channel is not null)
        {
            tags["channel"] = channel;
        }

        return new AlertRecord
        {
            Id = id,
            Fingerprint = rule + "{" + string.Join(',', tags.Select(t => t.Key + "=" + t.Value)) + "}",
            Rule = rule,
            Measurement = "complaints",
            Tags = tags,
            Severity = severity,
            Status = AlertStatus.Firing,
            Summary = $"{rule} in {region}",
            Value = 42,
            Expected = 10,
            Score = 0.9,
            StartsAt = at,
            UpdatedAt = at,
            FiredAt = at,
            ChangedAt = at,
            FireCount = 1,
        };
    }

    public static AlertRecord Resolved(this AlertRecord alert, DateTimeOffset at) =>
        alert with { Status = AlertStatus.Resolved, EndsAt = at, ChangedAt = at, UpdatedAt = at };

    public static AlertRecord Acknowledged(this AlertRecord alert, DateTimeOffset at) =>
        alert with { Status = AlertStatus.Acknowledged, AcknowledgedBy = "alice", AcknowledgedAt = at, ChangedAt = at };

    public static AlertRecord SilencedBy(this AlertRecord alert, DateTimeOffset at, params string[] silences) =>
        alert with { SilencedBy = silences, ChangedAt = at };

    public static AlertRecord InhibitedBy(this AlertRecord alert, DateTimeOffset at, long? source) =>
        alert with { InhibitedBy = source, LikelyCause = source is null ? null : $"alert {source}", ChangedAt = at };
}
