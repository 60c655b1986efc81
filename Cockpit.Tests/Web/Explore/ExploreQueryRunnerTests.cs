using Cockpit.Ingest.Storage;
using Cockpit.Web.Explore;

namespace Cockpit.Tests.Web.Explore;

public sealed class ExploreQueryRunnerTests : IAsyncLifetime
{
    private readonly ExploreStoreScenario _s = new();

    public Task InitializeAsync() => _s.FillAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task<ExploreResult> RunAsync(string query)
    {
        var state = ExploreUrl.Parse(query, out var problems);
        Assert.Empty(problems);
        var catalog = await ExploreCatalog.LoadAsync(_s.Store, CancellationToken.None);
        state = catalog.Complete(state);
        Assert.Empty(catalog.Check(state));
        return await new ExploreQueryRunner(_s.Store).RunAsync(state, _s.Time.GetUtcNow(), CancellationToken.None);
    }

    [Fact]
    public async Task Run_WeekComparison_LinesPerRegionWithShiftedComparison()
    {
        var result = await RunAsync(ExploreStoreScenario.Query("&bucket=1h"));

        Assert.Equal((ExploreStoreScenario.From, ExploreStoreScenario.To), (result.From, result.To));
        Assert.Equal((ExploreStoreScenario.From.AddDays(-7), ExploreStoreScenario.To.AddDays(-7)), (result.BaselineFrom, result.BaselineTo));
        Assert.Equal(["haizhu", "liwan", "tianhe"], result.Lines.Select(l => l.Name));
        var tianhe = result.Lines[2];
        Assert.Equal([new BucketValue(ExploreStoreScenario.From, 36 * 60), new BucketValue(ExploreStoreScenario.From.AddHours(1), 36 * 60)], tianhe.Points);
        Assert.Equal([new BucketValue(ExploreStoreScenario.From, 15 * 60), new BucketValue(ExploreStoreScenario.From.AddHours(1), 15 * 60)], tianhe.Comparison);
        Assert.Equal(12, result.PointCount);
    }

    [Fact]
    public async Task Run_ContributionByRegion_ExactTotals()
    {
        var report = (await RunAsync(ExploreStoreScenario.Query())).Contribution;

        Assert.Equal((3120.0, 5760.0), (report.BaselineTotal, report.CurrentTotal));
        Assert.Equal(["tianhe", "liwan", "haizhu"], report.Rows.Select(r => r.Label));
        Assert.Equal([2520.0, 240.0, -120.0], report.Rows.Select(r => r.Delta));
        Assert.Equal([95, 9, -5], report.Rows.Select(r => r.SharePercent!.Value));
    }

    [Fact]
    public async Task Run_ContributionOfThreeDimensions_NamesTheCombination()
    {
        var report = (await RunAsync(ExploreStoreScenario.Query("&dim=region&dim=category&dim=channel"))).Contribution;

        Assert.Equal("tianhe · broadband · hotline: 91 % of the surge", report.Rows[0].Describe(report.TotalDelta));
        // What rose with the surge first, then what fell against it.
        Assert.Equal([2400.0, 240.0, 120.0, -120.0], report.Rows.Select(r => r.Delta));
        Assert.Equal("haizhu · billing · " + ExploreStoreScenario.Evil, report.Rows.Single(r => r.Delta < 0).Label);
    }

    [Fact]
    public async Task Run_NoComparison_ContributionAgainstThePeriodBefore()
    {
        // Nothing was written in the two hours before: the whole current total is the change.
        var result = await RunAsync("m=complaints&field=count&from=2026-11-30T00%3A00%3A00Z&to=2026-11-30T02%3A00%3A00Z");

        Assert.All(result.Lines, l => Assert.Empty(l.Comparison));
        Assert.Equal((ExploreStoreScenario.From.AddHours(-2), ExploreStoreScenario.From), (result.BaselineFrom, result.BaselineTo));
        Assert.Equal((0.0, 5760.0), (result.Contribution.BaselineTotal, result.Contribution.CurrentTotal));
    }

    [Fact]
    public async Task Run_FilterAndNoGroup_OneLineOfTheFilteredSeries()
    {
        var result = await RunAsync(ExploreStoreScenario.Query("&region=tianhe&tag=channel%3Ahotline&by=none&bucket=1h"));

        var line = Assert.Single(result.Lines);
        Assert.Equal("count", line.Name);
        Assert.Equal([1800.0, 1800.0], line.Points.Select(p => p.Value));
        Assert.Equal([600.0, 600.0], line.Comparison.Select(p => p.Value));
    }

    [Fact]
    public async Task Run_MeanField_ContributionAveragesBuckets()
    {
        var result = await RunAsync("m=complaints&field=handle_time_s&from=2026-11-30T00%3A00%3A00Z&to=2026-11-30T02%3A00%3A00Z&bucket=1h&by=none");

        Assert.Equal(Aggregate.Mean, result.State.Aggregate);
        Assert.Equal([329.5, 389.5], Assert.Single(result.Lines).Points.Select(p => p.Value));
        Assert.Equal(359.5, result.Contribution.Rows.Single(r => r.Label == "tianhe").Current, 9);
    }
}
