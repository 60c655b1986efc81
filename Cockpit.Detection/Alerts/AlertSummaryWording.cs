using System.Globalization;

namespace Cockpit.Detection.Alerts;

/// <summary>
/// The English of an alert's stored <c>Summary</c>, word for word as Cockpit has always written it: the subject as
/// <c>measurement.field key=value, …</c>, numbers to four significant digits, scores to two decimals, invariant culture.
/// Its phrases are also the English that notifications start from.
/// </summary>
public sealed class AlertSummaryWording : IAlertFactsWording
{
    private static readonly Dictionary<AlertFactsPhrase, string> Phrases = new()
    {
        [AlertFactsPhrase.Anomalous] = "{0} is {1}{2}; anomaly score {3}",
        [AlertFactsPhrase.Expectation] = ", expected {0}",
        [AlertFactsPhrase.ExpectationWithBand] = ", expected {0} (normal {1} to {2})",
        [AlertFactsPhrase.BackToNormal] = "{0} is back to normal: {1}{2}",
        [AlertFactsPhrase.BeyondLimit] = "{0} is {1}, beyond its limit{2}",
        [AlertFactsPhrase.LimitRange] = " ({0} to {1})",
        [AlertFactsPhrase.LimitAtLeast] = " (at least {0})",
        [AlertFactsPhrase.LimitAtMost] = " (at most {0})",
        [AlertFactsPhrase.WithinLimits] = "{0} is back within its limits: {1}",
        [AlertFactsPhrase.Silent] = "No data from {0} for {1} (anomaly score {2})",
        [AlertFactsPhrase.SendingAgain] = "{0} is sending data again",
        [AlertFactsPhrase.UnwatchedIdle] = "{0}: no data for {1}, no longer watched",
        [AlertFactsPhrase.UnwatchedRuleChanged] = "{0}: no longer watched, its rule was changed",
        [AlertFactsPhrase.UnwatchedRuleRemoved] = "{0}: no longer watched, its rule was disabled or deleted",
        [AlertFactsPhrase.Unwatched] = "{0}: no longer watched",
        [AlertFactsPhrase.Hours] = "{0} h",
        [AlertFactsPhrase.Minutes] = "{0} min",
        [AlertFactsPhrase.Seconds] = "{0} s",
    };

    private AlertSummaryWording()
    {
    }

    /// <summary>The one instance.</summary>
    public static AlertSummaryWording Instance { get; } = new();

    public IFormatProvider Culture => CultureInfo.InvariantCulture;

    /// <summary>The English phrase, as a composite format string.</summary>
    public static string English(AlertFactsPhrase phrase) => Phrases[phrase];

    public string Phrase(AlertFactsPhrase phrase) => Phrases[phrase];

    public string Subject(AlertFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var name = facts.Field.Length == 0 ? facts.Measurement : facts.Measurement + "." + facts.Field;
        return facts.Labels.Count == 0 ? name : name + " " + string.Join(", ", facts.Labels.Select(l => l.Key + "=" + l.Value));
    }

    public string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);
}
