namespace Cockpit.Detection.Alerts;

/// <summary>
/// One language's way of saying <see cref="SignalFacts"/>: its phrases, how it names the subject and writes numbers.
/// Detection has the English of the stored summary (<see cref="AlertSummaryWording"/>); the UI takes its wording from
/// its resources, notifications from their own text table.
/// </summary>
public interface ISignalFactsWording
{
    /// <summary>Formats the phrases' arguments that are not already text (durations).</summary>
    IFormatProvider Culture { get; }

    /// <summary>The composite format string of <paramref name="phrase"/>.</summary>
    string Phrase(SignalFactsPhrase phrase);

    /// <summary>How the sentence names what it is about, e.g. <c>complaints region=tianhe</c> or 投诉 天河.</summary>
    string Subject(SignalFacts facts);

    /// <summary>A value, expected value or limit; NaN when the facts have none.</summary>
    string Number(double value);

    /// <summary>An anomaly score.</summary>
    string Score(double score);
}
