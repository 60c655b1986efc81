using Cockpit.Web.Explore;

namespace Cockpit.Tests.Web.Explore;

public sealed class ContributionAnalysisTests
{
    private static readonly string[] Dims = ["region", "category", "channel"];

    private static ContributionTotal T(string region, string category, string channel, double value) =>
        new(new Dictionary<string, string> { ["region"] = region, ["category"] = category, ["channel"] = channel, ["cell"] = "c-" + value }, value);

    // Before 200 in total, now 390: tianhe·broadband·hotline carries 156 of the 190.
    private static readonly ContributionTotal[] Baseline =
    [
        T("tianhe", "broadband", "hotline", 100), T("tianhe", "mobile", "app", 50), T("liwan", "broadband", "hotline", 40), T("haizhu", "billing", "web", 10),
    ];

    private static readonly ContributionTotal[] Current =
    [
        T("tianhe", "broadband", "hotline", 256), T("tianhe", "mobile", "app", 60), T("liwan", "broadband", "hotline", 70), T("haizhu", "billing", "web", 4),
    ];

    [Fact]
    public void Rank_ThreeDimensions_ByAbsoluteDeltaWithExactShares()
    {
        var report = ContributionAnalysis.Rank(Dims, Baseline, Current);

        Assert.Equal(200, report.BaselineTotal);
        Assert.Equal(390, report.CurrentTotal);
        Assert.Equal(190, report.TotalDelta);
        Assert.Equal(0.95, report.TotalChange!.Value, 12);
        Assert.Equal(["tianhe · broadband · hotline", "liwan · broadband · hotline", "tianhe · mobile · app", "haizhu · billing · web"], report.Rows.Select(r => r.Label));
        Assert.Equal([156, 30, 10, -6], report.Rows.Select(r => r.Delta));
        Assert.Equal([100, 40, 50, 10], report.Rows.Select(r => r.Baseline));
        Assert.Equal([256, 70, 60, 4], report.Rows.Select(r => r.Current));
        Assert.Equal(156.0 / 190, report.Rows[0].Share!.Value, 12);
        Assert.Equal(-6.0 / 190, report.Rows[3].Share!.Value, 12);
        Assert.Equal([82, 16, 5, -3], report.Rows.Select(r => r.SharePercent!.Value));
        Assert.Equal(1.0, report.Rows.Sum(r => r.Share!.Value), 12);
        Assert.Equal("tianhe · broadband · hotline: 82 % of the surge", report.Rows[0].Describe(report.TotalDelta));
    }

    [Fact]
    public void Rank_OneDimension_SumsCombinationsThatAgreeOnIt()
    {
        var report = ContributionAnalysis.Rank(["region"], Baseline, Current);

        Assert.Equal(["tianhe", "liwan", "haizhu"], report.Rows.Select(r => r.Label));
        Assert.Equal([166, 30, -6], report.Rows.Select(r => r.Delta));
        Assert.Equal([150, 40, 10], report.Rows.Select(r => r.Baseline));
        Assert.Equal([87, 16, -3], report.Rows.Select(r => r.SharePercent!.Value));
        Assert.Equal(["region"], report.Dimensions);
    }

    [Fact]
    public void Rank_Drop_SharesOfTheDropArePositiveForWhatFell()
    {
        var report = ContributionAnalysis.Rank(["region"], Current, Baseline);

        Assert.Equal(-190, report.TotalDelta);
        Assert.Equal("tianhe", report.Rows[0].Label);
        Assert.Equal(87, report.Rows[0].SharePercent);
        Assert.Equal(-3, report.Rows[2].SharePercent);
        Assert.Equal("tianhe: 87 % of the drop", report.Rows[0].Describe(report.TotalDelta));
    }

    [Fact]
    public void Rank_CombinationInOnlyOnePeriod_CountsAsZeroInTheOther()
    {
        var report = ContributionAnalysis.Rank(["region"], [T("liwan", "b", "h", 10)], [T("liwan", "b", "h", 10), T("yuexiu", "b", "h", 25)]);

        var yuexiu = report.Rows[0];
        Assert.Equal(("yuexiu", 0.0, 25.0, 25.0, 1.0), (yuexiu.Label, yuexiu.Baseline, yuexiu.Current, yuexiu.Delta, yuexiu.Share!.Value));
        var liwan = report.Rows[1];
        Assert.Equal((0.0, 0.0), (liwan.Delta, liwan.Share!.Value));
    }

    [Fact]
    public void Rank_NoChange_NoShares()
    {
        var report = ContributionAnalysis.Rank(["region"], [T("a", "", "", 5), T("b", "", "", 5)], [T("a", "", "", 8), T("b", "", "", 2)]);

        Assert.Equal(0, report.TotalDelta);
        Assert.All(report.Rows, r => Assert.Null(r.Share));
        Assert.Equal(["a", "b"], report.Rows.Select(r => r.Label));
        Assert.Equal("a: +3", report.Rows[0].Describe(0));
        Assert.Equal("b: -3", report.Rows[1].Describe(0));
    }

    [Fact]
    public void Rank_NonFiniteValues_AreDropped()
    {
        var report = ContributionAnalysis.Rank(["region"], [T("a", "", "", double.NaN), T("a", "", "", 4)], [T("a", "", "", double.PositiveInfinity), T("a", "", "", 6)]);

        var only = Assert.Single(report.Rows);
        Assert.Equal((4.0, 6.0, 1.0), (only.Baseline, only.Current, only.Share!.Value));
    }

    [Fact]
    public void Rank_MissingTag_IsItsOwnValueShownAsEmptySet()
    {
        var untagged = new ContributionTotal(new Dictionary<string, string>(), 7);
        var report = ContributionAnalysis.Rank(["region", "channel"], [], [untagged, T("a", "x", "app", 3)]);

        Assert.Equal(["∅ · ∅", "a · app"], report.Rows.Select(r => r.Label));
        Assert.Equal(["", ""], report.Rows[0].Values);
    }

    [Fact]
    public void Rank_ValuesThatLookLikeTheSeparator_StayApart()
    {
        // Concatenated naively, ("a · b", "c") and ("a", "b · c") would be the same key.
        var first = new ContributionTotal(new Dictionary<string, string> { ["x"] = "a · b", ["y"] = "c" }, 1);
        var second = new ContributionTotal(new Dictionary<string, string> { ["x"] = "a", ["y"] = "b · c" }, 2);

        var report = ContributionAnalysis.Rank(["x", "y"], [], [first, second]);

        Assert.Equal(2, report.Rows.Count);
        Assert.Equal([2.0, 1.0], report.Rows.Select(r => r.Current));
    }

    [Fact]
    public void Rank_Ties_OrderedByLabelWithinTheirSideOfTheChange()
    {
        var report = ContributionAnalysis.Rank(["region"], [], [T("c", "", "", 1), T("a", "", "", -1), T("e", "", "", 1), T("b", "", "", 1), T("d", "", "", -1)]);

        Assert.Equal(["b", "c", "e", "a", "d"], report.Rows.Select(r => r.Label));
    }

    [Fact]
    public void Rank_NoInput_EmptyReport()
    {
        var report = ContributionAnalysis.Rank(["region"], [], []);

        Assert.Empty(report.Rows);
        Assert.Null(report.TotalChange);
    }

    private static ContributionTotal C(string channel, double value) => new(new Dictionary<string, string> { ["channel"] = channel }, value);

    private static ContributionReport Channels(params (string Channel, double Before, double After)[] parts) =>
        ContributionAnalysis.Rank(["channel"], parts.Select(p => C(p.Channel, p.Before)), parts.Select(p => C(p.Channel, p.After)));

    [Fact]
    public void Rank_Rise_WithTheChangeFirstThenAgainstIt_EachByAbsoluteDelta()
    {
        // Total +15: +50 and +10 moved with it, -40 and -5 against it, 0 not at all.
        var report = Channels(("a", 100, 150), ("b", 100, 60), ("c", 100, 110), ("d", 100, 95), ("e", 100, 100));

        Assert.Equal(["a", "c", "e", "b", "d"], report.Rows.Select(r => r.Label));
        Assert.Equal([50, 10, 0, -40, -5], report.Rows.Select(r => r.Delta));
        Assert.Equal([50 / 15.0, 10 / 15.0, 0, -40 / 15.0, -5 / 15.0], report.Rows.Select(r => r.Share!.Value));
    }

    [Fact]
    public void Rank_Drop_WhatFellFirstWithPositiveSharesThenWhatRose()
    {
        var report = Channels(("a", 100, 50), ("b", 100, 140), ("c", 100, 90));

        Assert.Equal(["a", "c", "b"], report.Rows.Select(r => r.Label));
        Assert.Equal([2.5, 0.5, -2.0], report.Rows.Select(r => r.Share!.Value));
    }

    [Fact]
    public void Rank_RoundingNoiseAsTheTotalChange_NoShares()
    {
        // Rates per hour: 0.1 + 0.2 against 0.3 differs by 5.5e-17.
        var report = Channels(("a", 0.3, 0.1), ("b", 0, 0.2));

        Assert.All(report.Rows, r => Assert.Null(r.Share));
        Assert.Empty(report.TopContributors(5, 0.005));
    }

    // The alert detail's top contributors: hotline carries 78 of the +76, app 2; web moved against it, wechat not at all.
    [Fact]
    public void TopContributors_OnlyThoseMovingWithTheChange_LargestShareFirst()
    {
        var report = Channels(("app", 10, 12), ("hotline", 20, 98), ("web", 10, 6), ("wechat", 5, 5));

        var top = report.TopContributors(10, 0.005);

        Assert.Equal(["hotline", "app"], top.Select(r => r.Label));
        Assert.Equal([78 / 76.0, 2 / 76.0], top.Select(r => r.Share!.Value));
        Assert.Equal(78, top[0].Delta);
        Assert.Equal(["hotline", "app", "wechat", "web"], report.Rows.Select(r => r.Label));
    }

    [Fact]
    public void TopContributors_Drop_WhatDroppedWithPositiveShares()
    {
        var top = Channels(("a", 100, 40), ("b", 50, 45), ("c", 10, 10)).TopContributors(10, 0.005);

        Assert.Equal(["a", "b"], top.Select(r => r.Label));
        Assert.Equal(60 / 65.0, top[0].Share!.Value, 9);
    }

    [Fact]
    public void TopContributors_CutToCount()
    {
        var top = Channels([.. Enumerable.Range(1, 10).Select(i => ("p" + i, 0.0, (double)i))]).TopContributors(3, 0.005);

        Assert.Equal(["p10", "p9", "p8"], top.Select(r => r.Label));
    }

    [Fact]
    public void TopContributors_ShareBelowTheFloor_Left()
    {
        // Of +1000: 995 (99.5 %), 5 (0.5 %, kept), 4 (0.4 %, left) and -4 (against).
        var top = Channels(("a", 0, 995), ("b", 0, 5), ("c", 0, 4), ("d", 4, 0)).TopContributors(10, 0.005);

        Assert.Equal(["a", "b"], top.Select(r => r.Label));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(double.NaN, double.NaN)]
    public void TopContributors_NoChangeOrOnlyNonFinite_None(double before, double after)
    {
        Assert.Empty(Channels(("a", before, after)).TopContributors(5, 0.005));
    }
}
