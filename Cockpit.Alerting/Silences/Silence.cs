namespace Cockpit.Alerting.Silences;

/// <summary>
/// Mutes notifications for the alerts its matchers select between <see cref="StartsAt"/> and <see cref="EndsAt"/>
/// (clock time). Silenced alerts stay visible and marked. Expiring a silence sets <see cref="EndsAt"/> to now; silences
/// are never deleted, so the record of who muted what stays.
/// </summary>
public sealed record Silence(
    string Id,
    IReadOnlyList<LabelMatcher> Matchers,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string CreatedBy,
    string Comment,
    DateTimeOffset CreatedAt)
{
    /// <summary>Who expired it early, if anyone.</summary>
    public string? ExpiredBy { get; init; }

    public bool IsActiveAt(DateTimeOffset now) => StartsAt <= now && now < EndsAt;

    public SilenceState StateAt(DateTimeOffset now) =>
        now < StartsAt ? SilenceState.Pending : now < EndsAt ? SilenceState.Active : SilenceState.Expired;
}

/// <summary>Where a silence is in time.</summary>
public enum SilenceState
{
    Pending,
    Active,
    Expired,
}
