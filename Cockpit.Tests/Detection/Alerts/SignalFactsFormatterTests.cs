using Cockpit.Detection.Alerts;

namespace Cockpit.Tests.Detection.Alerts;

/// <summary>The English summary made from facts: word for word what Cockpit has always stored, for every kind of fact.</summary>
public sealed class SignalFactsFormatterTests
{
    internal static SignalFacts Facts(SignalFactKind kind, Func<SignalFacts, SignalFacts>? change = null)
    {
        var facts = new SignalFacts
        {
            Kind = kind,
            Measurement = "complaints",
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "tianhe" },
            Value = 39,
            Expected = 28.92,
            Lower = 20.1,
            Upper = 37.7,
            Score = 0.934,
        };
        return change is null ? facts : change(facts);
    }

    public static TheoryData<SignalFacts, string> EverySentence() => new()
    {
        { Facts(SignalFactKind.Anomalous), "complaints region=tianhe is 39, expected 28.92 (normal 20.1 to 37.7); anomaly score 0.93" },
        { Facts(SignalFactKind.Anomalous, f => f with { Lower = null }), "complaints region=tianhe is 39, expected 28.92; anomaly score 0.93" },
        { Facts(SignalFactKind.Anomalous, f => f with { Expected = null }), "complaints region=tianhe is 39; anomaly score 0.93" },
        { Facts(SignalFactKind.BackToNormal, f => f with { Value = 30 }), "complaints region=tianhe is back to normal: 30, expected 28.92 (normal 20.1 to 37.7)" },
        { Facts(SignalFactKind.BeyondLimit, f => f with { Lower = null, Upper = 5, Value = 7.25 }), "complaints region=tianhe is 7.25, beyond its limit (at most 5)" },
        { Facts(SignalFactKind.BeyondLimit, f => f with { Upper = null }), "complaints region=tianhe is 39, beyond its limit (at least 20.1)" },
        { Facts(SignalFactKind.BeyondLimit), "complaints region=tianhe is 39, beyond its limit (20.1 to 37.7)" },
        { Facts(SignalFactKind.BeyondLimit, f => f with { Lower = null, Upper = null }), "complaints region=tianhe is 39, beyond its limit" },
        { Facts(SignalFactKind.WithinLimits, f => f with { Value = 4 }), "complaints region=tianhe is back within its limits: 4" },
        { Facts(SignalFactKind.Silent, f => f with { Duration = TimeSpan.FromMinutes(5) }), "No data from complaints region=tianhe for 5 min (anomaly score 0.93)" },
        { Facts(SignalFactKind.SendingAgain), "complaints region=tianhe is sending data again" },
        { Facts(SignalFactKind.Unwatched, f => f with { Reason = UnwatchedReason.Idle, Duration = TimeSpan.FromHours(6) }), "complaints region=tianhe: no data for 6 h, no longer watched" },
        { Facts(SignalFactKind.Unwatched, f => f with { Reason = UnwatchedReason.RuleChanged }), "complaints region=tianhe: no longer watched, its rule was changed" },
        { Facts(SignalFactKind.Unwatched, f => f with { Reason = UnwatchedReason.RuleRemoved }), "complaints region=tianhe: no longer watched, its rule was disabled or deleted" },
        { Facts(SignalFactKind.Unwatched, f => f with { Reason = UnwatchedReason.Other }), "complaints region=tianhe: no longer watched" },
        { Facts(SignalFactKind.SendingAgain, f => f with { Measurement = "network", Field = "latency_ms", Labels = new Dictionary<string, string> { ["region"] = "tianhe", ["cell"] = "th-1" } }), "network.latency_ms region=tianhe, cell=th-1 is sending data again" },
        { Facts(SignalFactKind.SendingAgain, f => f with { Labels = new Dictionary<string, string>() }), "complaints is sending data again" },
    };

    [Theory]
    [MemberData(nameof(EverySentence))]
    public void Summary_EachKindOfFact_IsTheEnglishCockpitAlwaysWrote(SignalFacts facts, string expected) =>
        Assert.Equal(expected, SignalFactsFormatter.Summary(facts));

    [Theory]
    [InlineData(40, "40 s")]
    [InlineData(300, "5 min")]
    [InlineData(330, "5.5 min")]
    [InlineData(3600, "1 h")]
    [InlineData(21600, "6 h")]
    [InlineData(5400, "1.5 h")]
    public void Duration_InTheLargestUnitItFills(int seconds, string expected) =>
        Assert.Equal(expected, SignalFactsFormatter.Duration(AlertSummaryWording.Instance, TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Summary_UnderAChineseThreadCulture_StaysInvariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        try
        {
            Assert.Equal("complaints region=tianhe is 7.25, beyond its limit (at most 5)",
                SignalFactsFormatter.Summary(Facts(SignalFactKind.BeyondLimit, f => f with { Lower = null, Upper = 5, Value = 7.25 })));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
