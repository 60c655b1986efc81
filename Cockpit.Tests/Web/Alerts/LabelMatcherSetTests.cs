using Cockpit.Alerting.Silences;
using Cockpit.Web.Components.Controls.Alerts;

namespace Cockpit.Tests.Web.Alerts;

public sealed class LabelMatcherSetTests
{
    private static readonly Dictionary<string, string> Tianhe = new() { ["region"] = "tianhe", ["rule"] = "complaint-surge" };

    private static LabelMatcherSet Parse(string? text)
    {
        Assert.True(LabelMatcherSet.TryParse(text, out var set, out var error), error);
        return set;
    }

    private static string Error(string text)
    {
        Assert.False(LabelMatcherSet.TryParse(text, out var set, out var error));
        Assert.Null(set);
        return error;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("{}")]
    [InlineData("{ }")]
    public void TryParse_Blank_MatchesEverything(string? text)
    {
        var set = Parse(text);

        Assert.Empty(set.Matchers);
        Assert.True(set.Matches(Tianhe));
        Assert.True(set.Matches(new Dictionary<string, string>()));
    }

    [Fact]
    public void TryParse_GroupLink_EveryOperatorWithOrWithoutQuotesAndBraces()
    {
        var set = Parse("{region=\"tianhe\", rule=~\"complaint-surge|network-latency\",severity!=critical,measurement!~\"net.*\"}");

        Assert.Equal(
            [
                new LabelMatcher("region", MatchOperator.Equal, "tianhe"),
                new LabelMatcher("rule", MatchOperator.Regex, "complaint-surge|network-latency"),
                new LabelMatcher("severity", MatchOperator.NotEqual, "critical"),
                new LabelMatcher("measurement", MatchOperator.NotRegex, "net.*"),
            ],
            set.Matchers);
        Assert.Equal(Parse("region=\"tianhe\",rule=~\"complaint-surge|network-latency\",severity!=critical,measurement!~\"net.*\"").Matchers, set.Matchers);
    }

    [Fact]
    public void Matches_AllMatchersMustHold()
    {
        var set = Parse("{region=\"tianhe\",rule=~\"complaint-.*\"}");

        Assert.True(set.Matches(Tianhe));
        Assert.False(set.Matches(new Dictionary<string, string> { ["region"] = "tianhe", ["rule"] = "network-outage" }));
        Assert.False(set.Matches(new Dictionary<string, string> { ["region"] = "liwan", ["rule"] = "complaint-surge" }));
        Assert.False(set.Matches(new Dictionary<string, string> { ["rule"] = "complaint-surge" }));
    }

    [Fact]
    public void TryParse_QuotedValues_KeepCommasBracesAndEscapedQuotes()
    {
        var set = Parse("{note=\"a,b}\",path=\"C:\\\\x \\\"q\\\"\"}");

        Assert.Equal([new LabelMatcher("note", MatchOperator.Equal, "a,b}"), new LabelMatcher("path", MatchOperator.Equal, "C:\\x \"q\"")], set.Matchers);
    }

    [Fact]
    public void ToString_QuotesAndEscapes_ParsesBackToTheSameMatchers()
    {
        var set = Parse("{path=\"C:\\\\x \\\"q\\\"\",rule=~\"a|b\"}");

        Assert.Equal("{path=\"C:\\\\x \\\"q\\\"\",rule=~\"a|b\"}", set.ToString());
        Assert.Equal(set.Matchers, Parse(set.ToString()).Matchers);
    }

    [Fact]
    public void TryParse_TrailingComma_Allowed()
    {
        Assert.Equal([new LabelMatcher("region", MatchOperator.Equal, "tianhe")], Parse("{region=\"tianhe\",}").Matchers);
    }

    [Theory]
    [InlineData("{region=\"tianhe\"", "opens '{' but does not close it")]
    [InlineData("region=\"tianhe\"}", "closes '}' but does not open it")]
    [InlineData("{region=\"tianhe}", "quoted value that is not closed")]
    [InlineData("{region=\"tianhe\",,rule=x}", "empty matcher")]
    [InlineData("{,region=tianhe}", "empty matcher")]
    [InlineData("{region}", "'region' is not a matcher")]
    [InlineData("{=tianhe}", "'=tianhe' is not a matcher")]
    [InlineData("{region~tianhe}", "'region~tianhe' is not a matcher")]
    [InlineData("{region!tianhe}", "operator '!' is unknown")]
    [InlineData("{re gion=tianhe}", "label name 're gion'")]
    [InlineData("{region=\"tian\"he}", "badly quoted")]
    [InlineData("{region=tian\"he}", "quoted value that is not closed")]
    [InlineData("{rule=~\"(unclosed\"}", "bad regular expression")]
    public void TryParse_Malformed_PlainErrorSayingWhat(string text, string expected)
    {
        Assert.Contains(expected, Error(text), StringComparison.Ordinal);
    }

    [Fact]
    public void RuleIs_LinksToTheRulesAlerts()
    {
        var set = LabelMatcherSet.RuleIs("complaint-surge");

        Assert.Equal("{rule=\"complaint-surge\"}", set.ToString());
        Assert.Equal("alerts?filter=%7Brule%3D%22complaint-surge%22%7D", AlertLinks.Filtered(set));
        Assert.Equal("alerts", AlertLinks.Filtered(LabelMatcherSet.Everything));
        Assert.Equal("alerts/42", AlertLinks.Detail(42));
    }
}
