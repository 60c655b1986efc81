using Cockpit.Ingest.Storage;
using Cockpit.Web.Explore;

namespace Cockpit.Tests.Web.Explore;

public sealed class ExploreUrlTests
{
    private const string Evil = "<img src=x onerror=alert(1)>";

    private static ExploreState Parse(string query)
    {
        var state = ExploreUrl.Parse(query, out var problems);
        Assert.Empty(problems);
        return state;
    }

    private static ExploreProblem OneProblem(string query)
    {
        ExploreUrl.Parse(query, out var problems);
        return Assert.Single(problems);
    }

    [Fact]
    public void RoundTrip_EveryValue_SameStateAndSameAddress()
    {
        var state = new ExploreState
        {
            Measurement = "complaints",
            Field = "count",
            Aggregate = Aggregate.Max,
            Filters = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                ["region"] = ["tianhe", "liwan"],
                ["channel"] = ["hotline", "a,b & c=d:e", Evil],
            },
            From = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero),
            To = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
            Bucket = TimeSpan.FromMinutes(15),
            GroupBy = "channel",
            Compare = ExploreComparison.Week,
            Dimensions = ["region", "category", "channel"],
        };

        var query = ExploreUrl.ToQueryString(state);
        var back = Parse("?" + query);

        Assert.Equal(
            "m=complaints&field=count&agg=max&region=tianhe&region=liwan&tag=channel%3Ahotline&tag=channel%3Aa%2Cb%20%26%20c%3Dd%3Ae&tag=channel%3A%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E" +
            "&from=2026-11-23T00%3A00%3A00Z&to=2026-11-24T00%3A00%3A00Z&bucket=15m&by=channel&cmp=week&dim=region&dim=category&dim=channel",
            query);
        Assert.Equal((state.Measurement, state.Field, state.Aggregate, state.From, state.To, state.Bucket, state.GroupBy, state.Compare),
            (back.Measurement, back.Field, back.Aggregate, back.From, back.To, back.Bucket, back.GroupBy, back.Compare));
        Assert.Equal(["channel", "region"], back.Filters.Keys);
        Assert.Equal(["tianhe", "liwan"], back.Filters["region"]);
        Assert.Equal(["hotline", "a,b & c=d:e", Evil], back.Filters["channel"]);
        Assert.Equal(["region", "category", "channel"], back.Dimensions);
        Assert.True(back.IsCustomRange);
        Assert.Equal(query, ExploreUrl.ToQueryString(back));
    }

    [Fact]
    public void RoundTrip_Preset_KeepsThePresetAndNoTimes()
    {
        var back = Parse(ExploreUrl.ToQueryString(new ExploreState { Measurement = "network", Field = "latency_ms", Preset = "7d", Compare = ExploreComparison.Day }));

        Assert.Equal(("7d", (DateTimeOffset?)null, ExploreComparison.Day), (back.Preset, back.From, back.Compare));
        Assert.Equal(TimeSpan.FromDays(7), back.RangeLength);
        Assert.Equal(TimeSpan.FromMinutes(15), back.EffectiveBucket);
    }

    [Fact]
    public void Parse_Empty_AllDefaults()
    {
        var state = Parse("");

        Assert.Null(state.Measurement);
        Assert.Equal(TimeSpan.FromHours(24), state.RangeLength);
        Assert.Equal(TimeSpan.FromMinutes(1), state.EffectiveBucket);
        Assert.Equal("region", state.EffectiveGroupBy);
        Assert.Equal(["region"], state.EffectiveDimensions);
        Assert.Equal(ExploreComparison.None, state.Compare);
        Assert.Empty(state.Filters);
    }

    [Fact]
    public void Parse_TimeWithUnescapedPlus_ReadsTheOffset()
    {
        // A typed '+' arrives as a space.
        var state = Parse("from=2026-11-24T08:00:00+08:00&to=2026-11-24T20:00:00+08:00");

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), state.From);
        Assert.Equal(TimeSpan.FromHours(12), state.RangeLength);
    }

    [Fact]
    public void Parse_NoGroup_OneLine()
    {
        var state = Parse("by=none");

        Assert.Null(state.EffectiveGroupBy);
        Assert.Equal(["region"], state.EffectiveDimensions);
    }

    [Theory]
    [InlineData("agg=median", "Problem.Aggregate")]
    [InlineData("agg=3", "Problem.Aggregate")]
    [InlineData("cmp=month", "Problem.Compare")]
    [InlineData("tag=channel", "Problem.Tag")]
    [InlineData("tag=:hotline", "Problem.Tag")]
    [InlineData("range=2h", "Problem.Range")]
    [InlineData("from=2026-11-24T00:00:00Z", "Problem.TimeMissing")]
    [InlineData("from=yesterday&to=2026-11-24T00:00:00Z", "Problem.Time")]
    [InlineData("from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z", "Problem.RangeOrder")]
    [InlineData("bucket=7m", "Problem.Bucket")]
    [InlineData("bucket=1m&range=7d", "Problem.TooManyPoints")]
    [InlineData("bucket=1d&range=6h", "Problem.BucketLongerThanRange")]
    public void Parse_BadValue_OneProblemAndTheDefault(string query, string key)
    {
        var problem = OneProblem(query);

        Assert.Equal(key, problem.Key);
        var state = ExploreUrl.Parse(query, out _);
        Assert.Null(state.Bucket);
        Assert.Null(state.Aggregate);
    }

    [Fact]
    public void Parse_TooManyPoints_SaysHowManyAndWhatFits()
    {
        var problem = OneProblem("range=7d&bucket=5m");

        Assert.Equal(["5m", "2016", "2000", "15m, 1h, 1d"], problem.Args);
    }

    [Fact]
    public void Parse_CustomRangeBucket_CheckedAgainstThatRange()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), Parse("from=2026-11-23T00:00:00Z&to=2026-11-24T09:00:00Z&bucket=1m").Bucket);
        Assert.Equal("Problem.TooManyPoints", OneProblem("from=2026-11-23T00:00:00Z&to=2026-11-24T10:00:00Z&bucket=1m").Key);
    }

    [Fact]
    public void ResolveRange_Preset_EndsAtTheNextMinute()
    {
        var now = new DateTimeOffset(2026, 11, 24, 6, 40, 31, TimeSpan.Zero);

        var (from, to) = Parse("range=6h").ResolveRange(now);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 41, 0, TimeSpan.Zero), to);
        Assert.Equal(to.AddHours(-6), from);
    }

    [Fact]
    public void Complete_WritesEveryDefault()
    {
        var state = Parse("range=7d").Complete("complaints", "count");

        Assert.Equal(
            "m=complaints&field=count&agg=sum&range=7d&bucket=15m&by=region&dim=region",
            ExploreUrl.ToQueryString(state));
        Assert.Equal(Aggregate.Mean, Parse("").Complete("network", "latency_ms").Aggregate);
    }
}
