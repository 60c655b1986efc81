namespace Cockpit.Detection.Pipeline;

/// <summary>
/// One value a rule scored: the point itself for per-point rules, a bucket's aggregate for bucketed ones, with the
/// anomaly score in [0, 1] and the expected value and band the UI draws around the line.
/// </summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Subject">The watched subject's key: the series and field, or the rule's group values.</param>
/// <param name="TimestampNs">Event time (Unix nanoseconds): the point's, or the bucket's start.</param>
/// <param name="Value">The scored value.</param>
/// <param name="Score">The anomaly score in [0, 1]; NaN while the detectors warm up.</param>
/// <param name="Expected">What the detectors expected; NaN when unknown.</param>
/// <param name="Lower">Lower edge of the normal band; NaN when unknown.</param>
/// <param name="Upper">Upper edge of the normal band; NaN when unknown.</param>
public readonly record struct ScoredValue(
    string Rule,
    string Subject,
    long TimestampNs,
    double Value,
    double Score,
    double Expected,
    double Lower,
    double Upper)
{
    /// <summary>The measurement the subject watches.</summary>
    public string Measurement { get; init; } = "";

    /// <summary>
    /// The subject's labels (the rule's group values, or the series' tags): the same labels its alerts carry as tags, so
    /// screens can tell which district or alert a value belongs to without reading <see cref="Subject"/>'s format.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];
}
