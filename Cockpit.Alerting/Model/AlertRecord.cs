using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Model;

/// <summary>
/// An immutable snapshot of one alert. There is one alert per fingerprint (rule + series labels): a re-trigger
/// updates it and a re-fire after resolution reopens it, so its history tells the whole story of that series.
/// <see cref="StartsAt"/>/<see cref="EndsAt"/> are data (event) times so they line up with charts;
/// <see cref="FiredAt"/> and <see cref="ChangedAt"/> are clock (scheduler) times, which the notification timers use.
/// </summary>
public sealed record AlertRecord
{
    /// <summary>Stable identifier (the SQLite row id; pending alerts get theirs when they first fire).</summary>
    public required long Id { get; init; }

    /// <summary>Rule plus sorted series labels, e.g. <c>complaint-surge{region=tianhe}</c>.</summary>
    public required string Fingerprint { get; init; }

    public required string Rule { get; init; }

    public required string Measurement { get; init; }

    /// <summary>The series (or group) labels the rule reported, e.g. region.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>
    /// The labels matchers see (routes, silences, inhibition, grouping): the tags plus <c>alertname</c> and <c>rule</c>
    /// (both the rule name), <c>severity</c> and <c>measurement</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels => AlertLabels.Of(this);

    public required AlertSeverity Severity { get; init; }

    public required AlertStatus Status { get; init; }

    /// <summary>True while the alert resolves and re-fires too often: it is held as firing and not notified again.</summary>
    public bool Flapping { get; init; }

    /// <summary>Plain text for people (never markup), in English: the API's and the logs' sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>
    /// What <see cref="Summary"/> says, as data, for saying it in the reader's language; null for alerts stored before
    /// facts existed (or signalled without them), which are shown by their <see cref="Summary"/>.
    /// </summary>
    public SignalFacts? Facts { get; init; }

    public double Value { get; init; }

    public double Expected { get; init; }

    /// <summary>The anomaly score in [0, 1] at the last update.</summary>
    public double Score { get; init; }

    /// <summary>Data time the current episode started firing (or went pending).</summary>
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>Data time of the last signal.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Data time it resolved (by hand: the clock time), null while open.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Clock time the current episode started firing (null while pending); escalation counts from here.</summary>
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>Clock time of the last change of any kind.</summary>
    public required DateTimeOffset ChangedAt { get; init; }

    public string? AcknowledgedBy { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>Who resolved it by hand (null when it recovered by itself).</summary>
    public string? ResolvedBy { get; init; }

    /// <summary>Ids of the active silences that match it: it stays visible but is not notified.</summary>
    public IReadOnlyList<string> SilencedBy { get; init; } = [];

    public bool Silenced => SilencedBy.Count > 0;

    /// <summary>The active alert that inhibits it ("likely caused by"); it is not notified while this is set.</summary>
    public long? InhibitedBy { get; init; }

    /// <summary>A plain-text line naming the inhibiting alert, for people.</summary>
    public string? LikelyCause { get; init; }

    /// <summary>How many times this alert has fired (episodes), for people and flap detection.</summary>
    public int FireCount { get; init; }

    /// <summary>True when the alert is open (pending, firing or acknowledged).</summary>
    public bool IsOpen => Status != AlertStatus.Resolved;

    /// <summary>Firing and neither silenced nor inhibited: what notifications are about.</summary>
    public bool Notifiable => Status == AlertStatus.Firing && !Silenced && InhibitedBy is null;
}
