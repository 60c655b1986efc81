using Cockpit.Web.Inbox;

namespace Cockpit.Tests.Web.Inbox;

public sealed class ContributionAnalysisTests
{
    [Fact]
    public void Rank_SharesOfTheTotalChange_LargestFirst_OppositeMovesNegativeAndLast()
    {
        var rows = ContributionAnalysis.Rank(
        [
            new("app", 10, 12),
            new("hotline", 20, 98),
            new("web", 10, 6),
            new("wechat", 5, 5),
        ], 10);

        Assert.Equal(["hotline", "app", "web"], rows.Select(r => r.Name));
        Assert.Equal([78 / 76.0, 2 / 76.0, -4 / 76.0], rows.Select(r => r.Share));
        Assert.Equal(78, rows[0].Change);
    }

    [Fact]
    public void Rank_Drop_SharesPositiveForWhatDropped()
    {
        var rows = ContributionAnalysis.Rank([new("a", 100, 40), new("b", 50, 45), new("c", 10, 10)], 10);

        Assert.Equal(["a", "b"], rows.Select(r => r.Name));
        Assert.Equal(60 / 65.0, rows[0].Share, 9);
    }

    [Fact]
    public void Rank_Top_Cut()
    {
        var rows = ContributionAnalysis.Rank([.. Enumerable.Range(1, 10).Select(i => new ContributionPart("p" + i, 0, i))], 3);

        Assert.Equal(["p10", "p9", "p8"], rows.Select(r => r.Name));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(double.NaN, 5)]
    public void Rank_NoChangeOrOnlyNonFinite_Nothing(double before, double after)
    {
        Assert.Empty(ContributionAnalysis.Rank([new("a", before, after)], 5));
    }

    [Fact]
    public void Rank_NonFinitePart_Skipped()
    {
        var rows = ContributionAnalysis.Rank([new("a", 1, 3), new("b", double.PositiveInfinity, 1)], 5);

        Assert.Equal(["a"], rows.Select(r => r.Name));
        Assert.Equal(1, rows[0].Share);
    }
}
