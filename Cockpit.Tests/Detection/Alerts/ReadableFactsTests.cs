using System.Globalization;
using Cockpit.Detection.Alerts;

namespace Cockpit.Tests.Detection.Alerts;

/// <summary>Numbers and subjects as people read them: no false precision, local names, districts by their display name.</summary>
public sealed class ReadableFactsTests
{
    [Theory]
    [InlineData(39, "39")]
    [InlineData(28.92, "28.9")]
    [InlineData(77.34, "77.3")]
    [InlineData(114.8, "115")]
    [InlineData(0.934, "0.934")]
    [InlineData(0.00123456, "0.00123")]
    [InlineData(99.96, "100")]
    [InlineData(12345.6, "12,346")]
    [InlineData(-3.14159, "-3.14")]
    [InlineData(-0.0001, "-0.0001")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "—")]
    public void Number_ThreeSignificantDigits_WholeFromAHundred(double value, string expected) =>
        Assert.Equal(expected, ReadableFacts.Number(value, CultureInfo.GetCultureInfo("en")));

    [Fact]
    public void Number_UsesTheCulturesSeparators() =>
        Assert.Equal("12.346 / 28,9", ReadableFacts.Number(12345.6, CultureInfo.GetCultureInfo("de-DE")) + " / " + ReadableFacts.Number(28.92, CultureInfo.GetCultureInfo("de-DE")));

    [Fact]
    public void Subject_LocalNames_DistrictDisplayName_OtherLabelsAsKeyValue()
    {
        var facts = new SignalFacts
        {
            Kind = SignalFactKind.SendingAgain,
            Measurement = "network",
            Field = "latency_ms",
            Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "tianhe", ["cell"] = "th-1" },
        };
        var names = new Dictionary<string, string> { ["network"] = "网络", ["latency_ms"] = "时延" };

        Assert.Equal("网络 时延 天河 tianhe, cell=th-1", ReadableFacts.Subject(facts, n => names.GetValueOrDefault(n)));
        Assert.Equal("network latency_ms 天河 tianhe, cell=th-1", ReadableFacts.Subject(facts, _ => null));
    }
}
