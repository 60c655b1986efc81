using System.Text.Json;
using Cockpit.Alerting.Silences;
using Cockpit.Web.Api.Silences;

namespace Cockpit.Tests.Web.Api.Silences;

public sealed class SilenceRequestReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    private static SilenceRequest? Read(string json, out IReadOnlyList<string> errors)
    {
        using var document = JsonDocument.Parse(json);
        return SilenceRequestReader.Read(document.RootElement, Now, out errors);
    }

    [Fact]
    public void Read_AlertmanagerShape_EveryOperator()
    {
        var request = Read("""
            {"matchers":[
              {"name":"region","value":"tianhe","isRegex":false,"isEqual":true},
              {"name":"rule","value":"source-silent","isRegex":false,"isEqual":false},
              {"name":"region","value":"tianhe|yuexiu","isRegex":true,"isEqual":true},
              {"name":"severity","value":"info","isRegex":true,"isEqual":false}],
             "endsAt":"2026-11-24T18:00:00+08:00","comment":"maintenance","createdBy":"ignored","id":"ignored"}
            """, out var errors);

        Assert.Empty(errors);
        Assert.NotNull(request);
        Assert.Equal(
            [
                new LabelMatcher("region", MatchOperator.Equal, "tianhe"),
                new LabelMatcher("rule", MatchOperator.NotEqual, "source-silent"),
                new LabelMatcher("region", MatchOperator.Regex, "tianhe|yuexiu"),
                new LabelMatcher("severity", MatchOperator.NotRegex, "info"),
            ],
            request.Matchers);
        Assert.Null(request.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), request.EndsAt);
        Assert.Equal("maintenance", request.Comment);
    }

    [Fact]
    public void Read_MatcherWithoutFlags_IsEqual()
    {
        var request = Read("""{"matchers":[{"name":"region","value":"tianhe"}],"duration":"1h","comment":"x"}""", out _);

        Assert.Equal([new LabelMatcher("region", MatchOperator.Equal, "tianhe")], request!.Matchers);
    }

    [Fact]
    public void Read_MatcherStrings_Parsed()
    {
        var request = Read("""{"matchers":["region=tianhe","rule!=source-silent","region=~\"tianhe|yuexiu\""],"duration":"2h","comment":"x"}""", out var errors);

        Assert.Empty(errors);
        Assert.Equal(
            [
                new LabelMatcher("region", MatchOperator.Equal, "tianhe"),
                new LabelMatcher("rule", MatchOperator.NotEqual, "source-silent"),
                new LabelMatcher("region", MatchOperator.Regex, "tianhe|yuexiu"),
            ],
            request!.Matchers);
    }

    [Theory]
    [InlineData("\"90m\"", 90)]
    [InlineData("\"2h\"", 120)]
    [InlineData("\"01:30:00\"", 90)]
    public void Read_DurationWithoutStart_StartsNowAndEndsThatLongAfter(string duration, int minutes)
    {
        var request = Read($$"""{"matchers":["region=tianhe"],"duration":{{duration}},"comment":"x"}""", out var errors);

        Assert.Empty(errors);
        Assert.Equal(Now, request!.StartsAt);
        Assert.Equal(Now.AddMinutes(minutes), request.EndsAt);
    }

    [Fact]
    public void Read_DurationWithStart_EndsThatLongFromTheStart()
    {
        var request = Read("""{"matchers":["region=tianhe"],"startsAt":"2026-11-25T02:00:00Z","duration":"3h","comment":"x"}""", out _);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero), request!.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 5, 0, 0, TimeSpan.Zero), request.EndsAt);
    }

    [Theory]
    [InlineData("2026-11-24T18:00:00")]
    [InlineData("2026-11-24")]
    [InlineData("18:00")]
    public void Read_TimeWithoutOffset_Refused(string endsAt)
    {
        Assert.Null(Read($$"""{"matchers":["a=b"],"endsAt":"{{endsAt}}","comment":"x"}""", out var errors));
        Assert.Equal([$"\"endsAt\" \"{endsAt}\" is not a time; write ISO 8601 with an offset, e.g. 2026-11-24T18:00:00+08:00 or 2026-11-24T10:00:00Z."], errors);
    }

    [Theory]
    [InlineData("2026-11-24T18:00:00+08:00", 10)]
    [InlineData("2026-11-24T18:00:00.5-01:00", 19)]
    [InlineData("2026-11-24T18:00:00Z", 18)]
    public void Read_TimeWithOffset_InUtc(string endsAt, int utcHour)
    {
        var request = Read($$"""{"matchers":["a=b"],"endsAt":"{{endsAt}}","comment":"x"}""", out var errors);

        Assert.Empty(errors);
        Assert.Equal(utcHour, request!.EndsAt.UtcDateTime.Hour);
    }

    [Fact]
    public void Read_NoComment_EmptyCommentLeftToTheBook()
    {
        var request = Read("""{"matchers":["region=tianhe"],"duration":"1h"}""", out var errors);

        Assert.Empty(errors);
        Assert.Equal("", request!.Comment);
    }

    [Fact]
    public void Read_EndsAtAndDuration_Refused()
    {
        Assert.Null(Read("""{"matchers":["a=b"],"endsAt":"2026-11-24T18:00:00Z","duration":"1h","comment":"x"}""", out var errors));
        Assert.Equal(["Give \"endsAt\" or \"duration\", not both."], errors);
    }

    [Fact]
    public void Read_NeitherEndsAtNorDuration_Refused()
    {
        Assert.Null(Read("""{"matchers":["a=b"],"comment":"x"}""", out var errors));
        Assert.Equal(["\"endsAt\" (a time, e.g. 2026-11-24T18:00:00+08:00) or \"duration\" (e.g. \"2h\", \"90m\", \"01:30:00\") is required."], errors);
    }

    [Theory]
    [InlineData("\"soon\"", "\"duration\" \"soon\" is not a duration; write e.g. \"2h\", \"90m\", \"1h30m\" or \"01:30:00\".")]
    [InlineData("90", "\"duration\" 90 is not a duration; write e.g. \"2h\", \"90m\", \"1h30m\" or \"01:30:00\".")]
    [InlineData("\"0m\"", "\"duration\" must be positive, not 00:00:00.")]
    [InlineData("\"-01:00:00\"", "\"duration\" must be positive, not -01:00:00.")]
    public void Read_BadDuration_Named(string duration, string error)
    {
        Assert.Null(Read($$"""{"matchers":["a=b"],"duration":{{duration}},"comment":"x"}""", out var errors));
        Assert.Equal([error], errors);
    }

    [Fact]
    public void Read_MatchersMissing_Refused()
    {
        Assert.Null(Read("""{"duration":"1h","comment":"x"}""", out var errors));
        Assert.Single(errors);
        Assert.StartsWith("\"matchers\" must be an array of matchers", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryProblem_ListedAtOnceWithTheMatcherIndex()
    {
        var request = Read("""
            {"matchers":["region=tianhe", {"value":"x"}, {"name":"a","value":"b","isRegex":"yes"}, "nonsense", 7, {"name":"r","value":"(","isRegex":true}],
             "startsAt":"tomorrow","endsAt":"2026-11-24T18:00:00Z","comment":42}
            """, out var errors);

        Assert.Null(request);
        Assert.Equal(
            [
                "matchers[1]: \"name\" is missing.",
                "matchers[2]: \"isRegex\" must be true or false, not a string.",
                "matchers[3]: 'nonsense' is not a matcher; write name=value, name!=value, name=~regex or name!~regex.",
                "matchers[4]: a matcher is an object {name, value, isRegex, isEqual} or a string like \"region=tianhe\", not a number.",
                "\"startsAt\" \"tomorrow\" is not a time; write ISO 8601 with an offset, e.g. 2026-11-24T18:00:00+08:00 or 2026-11-24T10:00:00Z.",
                "\"comment\" must be a string, not a number.",
            ],
            errors.Where(e => !e.StartsWith("matchers[5]", StringComparison.Ordinal)));
        Assert.StartsWith("matchers[5]: Matcher 'r=~(' has a bad regular expression:", errors.Single(e => e.StartsWith("matchers[5]", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
