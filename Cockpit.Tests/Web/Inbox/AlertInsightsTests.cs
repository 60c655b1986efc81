using Cockpit.Detection.Pipeline;
using Cockpit.Tests.Testing;
using Cockpit.Tests.Web.Alerts;
using Cockpit.Web.Inbox;

namespace Cockpit.Tests.Web.Inbox;

/// <summary>The alert page's reads on a real embedded store: the line around the start and the top contributors.</summary>
public sealed class AlertInsightsTests : IAsyncLifetime
{
    private readonly AlertPagesScenario _s = new();
    private InboxServices _inbox = default!;
    private AlertInsights _insights = default!;

    public async Task InitializeAsync()
    {
        _s.Build(); // tianhe surge from 00:00 (its only signal), open; now 00:30
        _inbox = new InboxServices(_s.H);
        _insights = new AlertInsights(_inbox.Store, MemoryRuleStore.Catalog(InboxServices.Detection));
        await _inbox.WriteTianheSurgeAsync();
    }

    public async Task DisposeAsync()
    {
        await _inbox.DisposeAsync();
        _s.Dispose();
    }

    [Fact]
    public void SourceOf_GroupedRule_FieldFiltersBucketAndTheEnginesSubjectByItsLabels()
    {
        var alert = _s.H.Book.Find(_s.TianheSurge)!;
        var source = _insights.SourceOf(alert)!;
        using var scores = new System.Reactive.Subjects.Subject<ScoredValue>();
        var seen = new List<double>();
        using var band = new AlertScoreFeed(scores).Of(alert.Rule, alert.Tags).Subscribe(v => seen.Add(v.Value));

        scores.OnNext(Scored("complaint-surge", "tianhe", 14));
        scores.OnNext(Scored("complaint-surge", "haizhu", 20));
        scores.OnNext(Scored("complaint-surge-copy", "tianhe", 30));

        Assert.Equal(("complaints", "count", TimeSpan.FromMinutes(1)), (source.Measurement, source.Field, source.Bucket));
        Assert.Equal(new Dictionary<string, string> { ["region"] = "tianhe" }, source.Filters);
        Assert.Equal([14.0], seen);
        Assert.Null(source.DivideBy);
    }

    private static ScoredValue Scored(string rule, string region, double value) =>
        new(rule, rule + "|complaints|" + region, 0, value, 0.9, 4, 2, 6) { Measurement = "complaints", Labels = [new("region", region)] };

    [Fact]
    public void SourceOf_UnknownOrNoDataRule_Null()
    {
        Assert.Null(_insights.SourceOf(_s.H.Book.Find(_s.TianheOutage)!)); // not among the test's rules
        _s.H.Fire(rule: "source-silent", region: "panyu");
        Assert.Null(_insights.SourceOf(_s.H.Only(rule: "source-silent", region: "panyu")));
    }

    [Fact]
    public async Task LoadLine_TheAlertsRegionSummedPerMinute_AroundTheStart()
    {
        var alert = _s.H.Book.Find(_s.TianheSurge)!;

        var line = await _insights.LoadLineAsync(_insights.SourceOf(alert)!, alert, CancellationToken.None);

        Assert.Equal(90, line.Count);
        Assert.Equal(Points.Monday.AddHours(-1).ToUnixTimeMilliseconds(), line[0].X);
        Assert.Equal(4, line[0].Y);
        Assert.Equal(14, line.Single(p => p.X == Points.Monday.ToUnixTimeMilliseconds()).Y);
    }

    [Fact]
    public async Task LoadContributors_ChannelAndCategoryTogetherAndAlone_SharesOfTheRise()
    {
        var alert = _s.H.Book.Find(_s.TianheSurge)!;

        var contributors = await _insights.LoadContributorsAsync(_insights.SourceOf(alert)!, alert, CancellationToken.None);

        Assert.False(contributors.Failures);
        Assert.Equal(600, contributors.TotalChange, 6); // per hour: +480 hotline·broadband, +120 app·broadband
        var together = contributors.Tables[0];
        Assert.Equal(["category", "channel"], together.Keys);
        Assert.Equal(["broadband · hotline", "broadband · app"], together.Rows.Select(r => r.Name));
        Assert.Equal([0.8, 0.2], together.Rows.Select(r => Math.Round(r.Share, 6)));
        Assert.Equal(["category"], contributors.Tables[1].Keys);
        Assert.Equal(["broadband"], contributors.Tables[1].Rows.Select(r => r.Name));
        Assert.Equal(["channel"], contributors.Tables[2].Keys);
        Assert.Equal([("hotline", 0.8), ("app", 0.2)], contributors.Tables[2].Rows.Select(r => (r.Name, Math.Round(r.Share, 6))));
    }

    [Fact]
    public async Task LoadContributors_RegionWithoutPoints_NoTables()
    {
        _s.H.Fire(region: "panyu");
        var alert = _s.H.Only(region: "panyu");

        var contributors = await _insights.LoadContributorsAsync(_insights.SourceOf(alert)!, alert, CancellationToken.None);

        Assert.Empty(contributors.Tables);
    }
}
