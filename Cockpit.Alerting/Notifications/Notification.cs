namespace Cockpit.Alerting.Notifications;

/// <summary>
/// One message to one receiver about one group of alerts, as it waits in the outbox. It carries everything the
/// channels need to render their payload (Alertmanager's webhook fields plus plain-text extras), so rendering needs no
/// lookups and can happen at send time (signatures carry the send time).
/// </summary>
public sealed record Notification
{
    /// <summary>Outbox row id; also sent as the idempotency key so a receiver can drop a rare duplicate.</summary>
    public long Id { get; init; }

    /// <summary>The receiver's name (<c>Cockpit:Alerting:Receivers:n:Name</c>).</summary>
    public required string Receiver { get; init; }

    /// <summary>Identifies the group, stable across messages: route, receiver and the group label values.</summary>
    public required string GroupKey { get; init; }

    /// <summary><c>firing</c> when any alert in it fires, else <c>resolved</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The team the route belongs to (e.g. 前端), empty when none.</summary>
    public string Team { get; init; } = "";

    /// <summary>0 for the route's own receivers, n for the n-th escalation level.</summary>
    public int EscalationLevel { get; init; }

    public required IReadOnlyDictionary<string, string> GroupLabels { get; init; }

    /// <summary>Labels every alert in the message shares.</summary>
    public required IReadOnlyDictionary<string, string> CommonLabels { get; init; }

    /// <summary>Annotations every alert in the message shares.</summary>
    public required IReadOnlyDictionary<string, string> CommonAnnotations { get; init; }

    /// <summary>Cockpit's base URL (<c>Cockpit:Alerting:ExternalUrl</c>), e.g. <c>http://cockpit.example:5000</c>.</summary>
    public required string ExternalUrl { get; init; }

    /// <summary>Link to the group's alerts in Cockpit's inbox.</summary>
    public required string GroupUrl { get; init; }

    /// <summary>The alerts, firing first then resolved; each with its own link back.</summary>
    public required IReadOnlyList<NotifiedAlert> Alerts { get; init; }

    /// <summary>
    /// The language it is written in (<c>en</c> or <c>zh-CN</c>): the receiver's <c>Language</c>, else
    /// <c>Cockpit:Alerting:Language</c>, when it was queued. Null in rows queued before languages, which are sent in English.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>When the message was queued (clock time).</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
