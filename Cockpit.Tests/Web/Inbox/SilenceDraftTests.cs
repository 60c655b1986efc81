using Cockpit.Tests.Web.Alerts;
using Cockpit.Web.Inbox;

namespace Cockpit.Tests.Web.Inbox;

public sealed class SilenceDraftTests : IDisposable
{
    private readonly AlertPagesScenario _s = new AlertPagesScenario().Build();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void For_Alert_RuleAndSeriesLabelsAsEqualityMatchers_OneHourByDefault()
    {
        var draft = SilenceDraft.For(_s.H.Book.Find(_s.TianheOutage)!);

        Assert.Equal("rule=\"network-outage\"\nregion=\"tianhe\"", draft.Matchers);
        Assert.Equal("1h", draft.Duration);
        Assert.Equal("", draft.Comment);
    }

    [Fact]
    public void For_MarkupAndQuotesInLabels_RoundTripThroughTheParser()
    {
        const string Odd = AlertPagesScenario.Evil + " \"quoted\"";
        _s.H.Fire(region: Odd);
        var draft = SilenceDraft.For(_s.H.Only(region: Odd));
        draft.Comment = "why";

        Assert.True(draft.TryBuild(_s.H.Now, out var request, out var errors), string.Join(";", errors));

        Assert.Equal(Odd, request!.Matchers.Single(m => m.Name == "region").Value);
        Assert.True(Cockpit.Alerting.Silences.LabelMatcher.All(request.Matchers, _s.H.Only(region: Odd).Labels));
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("1h", 60)]
    [InlineData("4h", 240)]
    [InlineData("1d", 1440)]
    public void TryBuild_Presets_EndThatLongFromNow(string preset, int minutes)
    {
        var draft = new SilenceDraft { Duration = preset, Comment = "c", Matchers = "region=tianhe" };

        Assert.True(draft.TryBuild(_s.H.Now, out var request, out _));

        Assert.Equal(_s.H.Now.AddMinutes(minutes), request!.EndsAt);
        Assert.Null(request.StartsAt);
    }

    [Theory]
    [InlineData("90m", 90)]
    [InlineData("2h30m", 150)]
    [InlineData("01:15:00", 75)]
    public void TryBuild_Custom_Parsed(string custom, int minutes)
    {
        var draft = new SilenceDraft { Duration = SilenceDraft.Custom, CustomDuration = custom, Comment = "c", Matchers = "region=tianhe" };

        Assert.True(draft.TryBuild(_s.H.Now, out var request, out _));

        Assert.Equal(_s.H.Now.AddMinutes(minutes), request!.EndsAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("0m")]
    [InlineData("99999999999d")]
    public void TryBuild_BadCustomDuration_Refused(string custom)
    {
        var draft = new SilenceDraft { Duration = SilenceDraft.Custom, CustomDuration = custom, Comment = "c", Matchers = "region=tianhe" };

        Assert.False(draft.TryBuild(_s.H.Now, out var request, out var errors));

        Assert.Null(request);
        Assert.Equal(SilenceDraftProblem.BadDuration, Assert.Single(errors).Problem);
    }

    [Fact]
    public void TryBuild_BadMatcherLine_ParserMessage_BlankLinesIgnored()
    {
        var draft = new SilenceDraft { Comment = "c", Matchers = "\n region=tianhe \n\nnot a matcher\n" };

        Assert.False(draft.TryBuild(_s.H.Now, out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal(SilenceDraftProblem.BadMatcher, error.Problem);
        Assert.Contains("'not a matcher' is not a matcher", error.Detail, StringComparison.Ordinal);
    }
}
