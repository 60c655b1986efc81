namespace Cockpit.Detection.Alerts;

/// <summary>
/// An immutable snapshot of one alert. Times are data (event) times, so alerts on replayed or simulated data
/// line up with their charts.
/// </summary>
public sealed record Alert
{
    /// <summary>Identifier, unique within this process.</summary>
    public required string Id { get; init; }

    /// <summary>Rule plus series labels; one open alert per fingerprint.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The rule that raised it.</summary>
    public required string Rule { get; init; }

    /// <summary>The measurement it is about.</summary>
    public required string Measurement { get; init; }

    /// <summary>The labels of the series (or group) it is about.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    public required AlertSeverity Severity { get; init; }

    public required AlertState State { get; init; }

    /// <summary>A plain-text sentence for people (never markup).</summary>
    public required string Summary { get; init; }

    /// <summary>The value that made it fire or last updated it.</summary>
    public double Value { get; init; }

    /// <summary>What the value was expected to be.</summary>
    public double Expected { get; init; }

    /// <summary>The anomaly score (robust z) at the last update.</summary>
    public double Score { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }
}
