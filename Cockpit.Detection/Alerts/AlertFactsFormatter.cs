namespace Cockpit.Detection.Alerts;

/// <summary>
/// Says <see cref="AlertFacts"/> as one plain-text sentence in a wording's language. The one place that decides which
/// phrase fits which facts, so the stored English summary, the screens and the messages always say the same thing.
/// </summary>
public static class AlertFactsFormatter
{
    /// <summary>The English sentence stored and sent as an alert's <c>Summary</c> (API, logs, old readers).</summary>
    public static string Summary(AlertFacts facts) => Format(facts, AlertSummaryWording.Instance);

    /// <summary>The sentence for <paramref name="facts"/> in <paramref name="wording"/>.</summary>
    public static string Format(AlertFacts facts, IAlertFactsWording wording)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(wording);
        var subject = wording.Subject(facts);
        return facts.Kind switch
        {
            AlertFactKind.Anomalous => Say(wording, AlertFactsPhrase.Anomalous, subject, Number(wording, facts.Value), Expectation(facts, wording), Score(wording, facts.Score)),
            AlertFactKind.BackToNormal => Say(wording, AlertFactsPhrase.BackToNormal, subject, Number(wording, facts.Value), Expectation(facts, wording)),
            AlertFactKind.BeyondLimit => Say(wording, AlertFactsPhrase.BeyondLimit, subject, Number(wording, facts.Value), Limits(facts, wording)),
            AlertFactKind.WithinLimits => Say(wording, AlertFactsPhrase.WithinLimits, subject, Number(wording, facts.Value)),
            AlertFactKind.Silent => Say(wording, AlertFactsPhrase.Silent, subject, Duration(wording, facts.Duration ?? TimeSpan.Zero), Score(wording, facts.Score)),
            AlertFactKind.SendingAgain => Say(wording, AlertFactsPhrase.SendingAgain, subject),
            _ => facts.Reason switch
            {
                UnwatchedReason.Idle => Say(wording, AlertFactsPhrase.UnwatchedIdle, subject, Duration(wording, facts.Duration ?? TimeSpan.Zero)),
                UnwatchedReason.RuleChanged => Say(wording, AlertFactsPhrase.UnwatchedRuleChanged, subject),
                UnwatchedReason.RuleRemoved => Say(wording, AlertFactsPhrase.UnwatchedRuleRemoved, subject),
                _ => Say(wording, AlertFactsPhrase.Unwatched, subject),
            },
        };
    }

    /// <summary>A span in the largest unit it fills: <c>6 h</c>, <c>5 min</c>, <c>40 s</c> (one decimal at most).</summary>
    public static string Duration(IAlertFactsWording wording, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return span >= TimeSpan.FromHours(1) ? Say(wording, AlertFactsPhrase.Hours, span.TotalHours.ToString("0.#", wording.Culture))
            : span >= TimeSpan.FromMinutes(1) ? Say(wording, AlertFactsPhrase.Minutes, span.TotalMinutes.ToString("0.#", wording.Culture))
            : Say(wording, AlertFactsPhrase.Seconds, span.TotalSeconds.ToString("0", wording.Culture));
    }

    private static string Expectation(AlertFacts facts, IAlertFactsWording wording) => facts switch
    {
        { Expected: { } expected, Lower: { } lower, Upper: { } upper } =>
            Say(wording, AlertFactsPhrase.ExpectationWithBand, wording.Number(expected), wording.Number(lower), wording.Number(upper)),
        { Expected: { } expected } => Say(wording, AlertFactsPhrase.Expectation, wording.Number(expected)),
        _ => "",
    };

    private static string Limits(AlertFacts facts, IAlertFactsWording wording) => (facts.Lower, facts.Upper) switch
    {
        ({ } lower, { } upper) => Say(wording, AlertFactsPhrase.LimitRange, wording.Number(lower), wording.Number(upper)),
        ({ } lower, null) => Say(wording, AlertFactsPhrase.LimitAtLeast, wording.Number(lower)),
        (null, { } upper) => Say(wording, AlertFactsPhrase.LimitAtMost, wording.Number(upper)),
        _ => "",
    };

    private static string Number(IAlertFactsWording wording, double? value) => wording.Number(value ?? double.NaN);

    private static string Score(IAlertFactsWording wording, double? score) => wording.Score(score ?? double.NaN);

    private static string Say(IAlertFactsWording wording, AlertFactsPhrase phrase, params object[] args) =>
        string.Format(wording.Culture, wording.Phrase(phrase), args);
}
