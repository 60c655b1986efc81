namespace Cockpit.Detection.Alerts;

/// <summary>What a rule reports about one fingerprint at one moment.</summary>
/// <param name="Rule">The rule name.</param>
/// <param name="Measurement">The measurement.</param>
/// <param name="Tags">Labels of the series or group.</param>
/// <param name="Firing">True while the condition holds, false once it has recovered.</param>
/// <param name="Severity">Severity while firing.</param>
/// <param name="Summary">A plain-text description in English (<see cref="SignalFactsFormatter.Summary"/> of <see cref="Facts"/> when there are facts).</param>
/// <param name="Value">The observed value.</param>
/// <param name="Expected">The expected value.</param>
/// <param name="Score">The anomaly score.</param>
/// <param name="Time">The data time of the observation.</param>
public sealed record AlertSignal(
    string Rule,
    string Measurement,
    IReadOnlyDictionary<string, string> Tags,
    bool Firing,
    AlertSeverity Severity,
    string Summary,
    double Value,
    double Expected,
    double Score,
    DateTimeOffset Time)
{
    /// <summary>
    /// True when the condition has started to hold but the rule needs more before it fires (not <see cref="Firing"/>).
    /// A signal that is neither firing nor pending ends a pending alert as well as a firing one.
    /// </summary>
    public bool Pending { get; init; }

    /// <summary>
    /// What <see cref="Summary"/> says, as data for saying it in other languages; null from producers that only have the
    /// sentence (readers then fall back to <see cref="Summary"/>).
    /// </summary>
    public SignalFacts? Facts { get; init; }

    /// <summary>Rule plus sorted labels: the identity that de-duplicates alerts.</summary>
    public string Fingerprint =>
        Rule + "{" + string.Join(',', Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value)) + "}";
}
