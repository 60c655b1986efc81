using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Notifications;

/// <summary>One alert inside a <see cref="Notification"/>, in Alertmanager's terms plus Cockpit's extras.</summary>
public sealed record NotifiedAlert
{
    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The alert's labels (tags plus alertname, rule, severity, measurement).</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    /// <summary><c>summary</c> always; <c>value</c>, <c>expected</c>, <c>score</c>, <c>likely_cause</c> when known.</summary>
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>Null while firing (Alertmanager then writes <c>0001-01-01T00:00:00Z</c>).</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Link back to the alert in Cockpit: <c>{ExternalUrl}/alerts/{id}</c>.</summary>
    public required string GeneratorUrl { get; init; }

    /// <summary>16 hex digits derived from the alert's fingerprint, as Alertmanager sends.</summary>
    public required string Fingerprint { get; init; }

    public required long AlertId { get; init; }

    public required AlertSeverity Severity { get; init; }

    /// <summary>The alert's stored English summary, plain text (never markup): channels that render markdown must escape it.</summary>
    public required string Summary { get; init; }

    /// <summary>What <see cref="Summary"/> says, as data: channels say it in the message's language; null for alerts without facts.</summary>
    public SignalFacts? Facts { get; init; }
}
