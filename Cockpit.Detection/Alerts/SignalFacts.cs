namespace Cockpit.Detection.Alerts;

/// <summary>
/// What an alert signal says, as data rather than a sentence: what happened (<see cref="Kind"/>), to which subject
/// (measurement, field, labels) and the numbers behind it, so that each screen and message can say it in its own
/// language (see <see cref="SignalFactsFormatter"/>). Numbers are plain doubles, null where the reading had none (JSON
/// holds no NaN); nothing in it depends on a culture, so it serialises and stores as it is.
/// </summary>
public sealed record SignalFacts
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>What happened.</summary>
    public required SignalFactKind Kind { get; init; }

    /// <summary>The measurement watched, e.g. <c>complaints</c>.</summary>
    public required string Measurement { get; init; }

    /// <summary>The field watched; empty for a group over several fields.</summary>
    public string Field { get; init; } = "";

    /// <summary>The subject's labels in the rule's order, e.g. <c>region=tianhe</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = NoLabels;

    /// <summary>The observed value.</summary>
    public double? Value { get; init; }

    /// <summary>The value the detectors expected.</summary>
    public double? Expected { get; init; }

    /// <summary>Lower edge of the normal band, or a threshold rule's lower limit.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper edge of the normal band, or a threshold rule's upper limit.</summary>
    public double? Upper { get; init; }

    /// <summary>The anomaly score in [0, 1].</summary>
    public double? Score { get; init; }

    /// <summary>How long the subject has been silent (<see cref="SignalFactKind.Silent"/>) or idle (<see cref="UnwatchedReason.Idle"/>).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Why the subject is no longer watched (<see cref="SignalFactKind.Unwatched"/> only).</summary>
    public UnwatchedReason? Reason { get; init; }

    /// <summary>A double as the facts hold it: null when it is not a finite number.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    public bool Equals(SignalFacts? other) =>
        other is not null
        && Kind == other.Kind
        && string.Equals(Measurement, other.Measurement, StringComparison.Ordinal)
        && string.Equals(Field, other.Field, StringComparison.Ordinal)
        && Labels.SequenceEqual(other.Labels)
        && Value == other.Value
        && Expected == other.Expected
        && Lower == other.Lower
        && Upper == other.Upper
        && Score == other.Score
        && Duration == other.Duration
        && Reason == other.Reason;

    public override int GetHashCode() => HashCode.Combine(Kind, Measurement, Field, Labels.Count, Value, Expected, Score, Duration);
}
