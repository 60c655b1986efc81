namespace Cockpit.Detection.Alerts;

/// <summary>
/// Says <see cref="SignalFacts"/> as one plain-text sentence in a wording's language. The one place that decides which
/// phrase fits which facts, so the stored English summary, the screens and the messages always say the same thing.
/// </summary>
public static class SignalFactsFormatter
{
    /// <summary>The English sentence stored and sent as an alert's <c>Summary</c> (API, logs, old readers).</summary>
    public static string Summary(SignalFacts facts) => Format(facts, AlertSummaryWording.Instance);

    /// <summary>The sentence for <paramref name="facts"/> in <paramref name="wording"/>.</summary>
    public static string Format(SignalFacts facts, ISignalFactsWording wording)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(wording);
        var subject = wording.Subject(facts);
        return facts.Kind switch
        {
            SignalFactKind.Anomalous => Say(wording, SignalFactsPhrase.Anomalous, subject, Number(wording, facts.Value), Expectation(facts, wording), Score(wording, facts.Score)),
            SignalFactKind.BackToNormal => Say(wording, SignalFactsPhrase.BackToNormal, subject, Number(wording, facts.Value), Expectation(facts, wording)),
            SignalFactKind.BeyondLimit => Say(wording, SignalFactsPhrase.BeyondLimit, subject, Number(wording, facts.Value), Limits(facts, wording)),
            SignalFactKind.WithinLimits => Say(wording, SignalFactsPhrase.WithinLimits, subject, Number(wording, facts.Value)),
            SignalFactKind.Silent => Say(wording, SignalFactsPhrase.Silent, subject, Duration(wording, facts.Duration ?? TimeSpan.Zero), Score(wording, facts.Score)),
            SignalFactKind.SendingAgain => Say(wording, SignalFactsPhrase.SendingAgain, subject),
            _ => facts.Reason switch
            {
                UnwatchedReason.Idle => Say(wording, SignalFactsPhrase.UnwatchedIdle, subject, Duration(wording, facts.Duration ?? TimeSpan.Zero)),
                UnwatchedReason.RuleChanged => Say(wording, SignalFactsPhrase.UnwatchedRuleChanged, subject),
                UnwatchedReason.RuleRemoved => Say(wording, SignalFactsPhrase.UnwatchedRuleRemoved, subject),
                _ => Say(wording, SignalFactsPhrase.Unwatched, subject),
            },
        };
    }

    /// <summary>A span in the largest unit it fills: <c>6 h</c>, <c>5 min</c>, <c>40 s</c> (one decimal at most).</summary>
    public static string Duration(ISignalFactsWording wording, TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(wording);
        return span >= TimeSpan.FromHours(1) ? Say(wording, SignalFactsPhrase.Hours, span.TotalHours.ToString("0.#", wording.Culture))
            : span >= TimeSpan.FromMinutes(1) ? Say(wording, SignalFactsPhrase.Minutes, span.TotalMinutes.ToString("0.#", wording.Culture))
            : Say(wording, SignalFactsPhrase.Seconds, span.TotalSeconds.ToString("0", wording.Culture));
    }

    private static string Expectation(SignalFacts facts, ISignalFactsWording wording) => facts switch
    {
        { Expected: { } expected, Lower: { } lower, Upper: { } upper } =>
            Say(wording, SignalFactsPhrase.ExpectationWithBand, wording.Number(expected), wording.Number(lower), wording.Number(upper)),
        { Expected: { } expected } => Say(wording, SignalFactsPhrase.Expectation, wording.Number(expected)),
        _ => "",
    };

    private static string Limits(SignalFacts facts, ISignalFactsWording wording) => (facts.Lower, facts.Upper) switch
    {
        ({ } lower, { } upper) => Say(wording, SignalFactsPhrase.LimitRange, wording.Number(lower), wording.Number(upper)),
        ({ } lower, null) => Say(wording, SignalFactsPhrase.LimitAtLeast, wording.Number(lower)),
        (null, { } upper) => Say(wording, SignalFactsPhrase.LimitAtMost, wording.Number(upper)),
        _ => "",
    };

    private static string Number(ISignalFactsWording wording, double? value) => wording.Number(value ?? double.NaN);

    private static string Score(ISignalFactsWording wording, double? score) => wording.Score(score ?? double.NaN);

    private static string Say(ISignalFactsWording wording, SignalFactsPhrase phrase, params object[] args) =>
        string.Format(wording.Culture, wording.Phrase(phrase), args);
}
