using System.Globalization;

namespace Cockpit.Detection.Alerts;

/// <summary>
/// The English of an alert's stored <c>Summary</c>, word for word as Cockpit has always written it: the subject as
/// <c>measurement.field key=value, …</c>, numbers to four significant digits, scores to two decimals, invariant culture.
/// Its phrases are also the English that notifications start from.
/// </summary>
public sealed class AlertSummaryWording : ISignalFactsWording
{
    private static readonly Dictionary<SignalFactsPhrase, string> Phrases = new()
    {
        [SignalFactsPhrase.Anomalous] = "{0} is {1}{2}; anomaly score {3}",
        [SignalFactsPhrase.Expectation] = ", expected {0}",
        [SignalFactsPhrase.ExpectationWithBand] = ", expected {0} (normal {1} to {2})",
        [SignalFactsPhrase.BackToNormal] = "{0} is back to normal: {1}{2}",
        [SignalFactsPhrase.BeyondLimit] = "{0} is {1}, beyond its limit{2}",
        [SignalFactsPhrase.LimitRange] = " ({0} to {1})",
        [SignalFactsPhrase.LimitAtLeast] = " (at least {0})",
        [SignalFactsPhrase.LimitAtMost] = " (at most {0})",
        [SignalFactsPhrase.WithinLimits] = "{0} is back within its limits: {1}",
        [SignalFactsPhrase.Silent] = "No data from {0} for {1} (anomaly score {2})",
        [SignalFactsPhrase.SendingAgain] = "{0} is sending data again",
        [SignalFactsPhrase.UnwatchedIdle] = "{0}: no data for {1}, no longer watched",
        [SignalFactsPhrase.UnwatchedRuleChanged] = "{0}: no longer watched, its rule was changed",
        [SignalFactsPhrase.UnwatchedRuleRemoved] = "{0}: no longer watched, its rule was disabled or deleted",
        [SignalFactsPhrase.Unwatched] = "{0}: no longer watched",
        [SignalFactsPhrase.Hours] = "{0} h",
        [SignalFactsPhrase.Minutes] = "{0} min",
        [SignalFactsPhrase.Seconds] = "{0} s",
    };

    private AlertSummaryWording()
    {
    }

    /// <summary>The one instance.</summary>
    public static AlertSummaryWording Instance { get; } = new();

    public IFormatProvider Culture => CultureInfo.InvariantCulture;

    /// <summary>The English phrase, as a composite format string.</summary>
    public static string English(SignalFactsPhrase phrase) => Phrases[phrase];

    public string Phrase(SignalFactsPhrase phrase) => Phrases[phrase];

    public string Subject(SignalFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var name = facts.Field.Length == 0 ? facts.Measurement : facts.Measurement + "." + facts.Field;
        return facts.Labels.Count == 0 ? name : name + " " + string.Join(", ", facts.Labels.Select(l => l.Key + "=" + l.Value));
    }

    public string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
