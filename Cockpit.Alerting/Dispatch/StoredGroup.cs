namespace Cockpit.Alerting.Dispatch;

/// <summary>A group's row in <c>notification_groups</c>: what it has told its receiver, and when it last did.</summary>
internal sealed record StoredGroup(
    string Key,
    string Route,
    string Receiver,
    int Level,
    string Team,
    IReadOnlyDictionary<string, string> GroupLabels,
    DateTimeOffset LastSentAt,
    IReadOnlyCollection<long> Announced);
