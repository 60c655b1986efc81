using System.Globalization;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;

namespace Cockpit.Web.Api.Alerts;

/// <summary>An alert as the API returns it. Values JSON cannot hold (NaN: a threshold rule has no expectation) are null.</summary>
public record AlertJson
{
    public required long Id { get; init; }

    public required string Fingerprint { get; init; }

    public required string Rule { get; init; }

    public required string Measurement { get; init; }

    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertStatus State { get; init; }

    public required bool Flapping { get; init; }

    public required bool Silenced { get; init; }

    public required IReadOnlyList<string> SilencedBy { get; init; }

    public required long? InhibitedBy { get; init; }

    public required string? LikelyCause { get; init; }

    /// <summary>The English sentence (kept for existing readers); <see cref="Facts"/> say the same as data.</summary>
    public required string Summary { get; init; }

    /// <summary>What happened, as data (kind, subject, value, expected, band or limits, score, duration, reason); null for alerts from before facts.</summary>
    public required SignalFacts? Facts { get; init; }

    public required double? Value { get; init; }

    public required double? Expected { get; init; }

    public required double? Score { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset? EndsAt { get; init; }

    public required DateTimeOffset? FiredAt { get; init; }

    public required string? AcknowledgedBy { get; init; }

    public required DateTimeOffset? AcknowledgedAt { get; init; }

    public required string? ResolvedBy { get; init; }

    public required int FireCount { get; init; }

    /// <summary>The alert's page: <c>{ExternalUrl}/alerts/{id}</c>.</summary>
    public required string Url { get; init; }

    /// <summary>The alert's page under <paramref name="externalUrl"/>.</summary>
    public static string UrlOf(string externalUrl, long id)
    {
        ArgumentNullException.ThrowIfNull(externalUrl);
        return externalUrl.TrimEnd('/') + "/alerts/" + id.ToString(CultureInfo.InvariantCulture);
    }

    public static AlertJson From(AlertRecord alert, string externalUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertJson
        {
            Id = alert.Id,
            Fingerprint = alert.Fingerprint,
            Rule = alert.Rule,
            Measurement = alert.Measurement,
            Tags = alert.Tags,
            Labels = alert.Labels,
            Severity = alert.Severity,
            State = alert.Status,
            Flapping = alert.Flapping,
            Silenced = alert.Silenced,
            SilencedBy = alert.SilencedBy,
            InhibitedBy = alert.InhibitedBy,
            LikelyCause = alert.LikelyCause,
            Summary = alert.Summary,
            Facts = alert.Facts,
            Value = Finite(alert.Value),
            Expected = Finite(alert.Expected),
            Score = Finite(alert.Score),
            StartsAt = alert.StartsAt,
            UpdatedAt = alert.UpdatedAt,
            EndsAt = alert.EndsAt,
            FiredAt = alert.FiredAt,
            AcknowledgedBy = alert.AcknowledgedBy,
            AcknowledgedAt = alert.AcknowledgedAt,
            ResolvedBy = alert.ResolvedBy,
            FireCount = alert.FireCount,
            Url = UrlOf(externalUrl, alert.Id),
        };
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
