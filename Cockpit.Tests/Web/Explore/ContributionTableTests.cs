using Bunit;
using Cockpit.Web.Components.Controls.Explore;
using Cockpit.Web.Explore;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Explore;

public sealed class ContributionTableTests : BunitContext
{
    private const string Evil = "<img src=x onerror=alert(1)>";

    public ContributionTableTests() => Services.AddLocalization(o => o.ResourcesPath = "Resources");

    private static ContributionTotal T(string region, double value) => new(new Dictionary<string, string> { ["region"] = region }, value);

    private IRenderedComponent<ContributionTable> Table(ContributionReport report, int top = 20) =>
        Render<ContributionTable>(p => p.Add(t => t.Report, report).Add(t => t.Top, top).Add(t => t.DimensionName, d => d == "region" ? "district" : d));

    [Fact]
    public void Render_Drop_HeadlineNamesTheDrop()
    {
        var table = Table(ContributionAnalysis.Rank(["region"], [T("tianhe", 300), T("liwan", 100)], [T("tianhe", 150), T("liwan", 90)]));

        Assert.Equal("tianhe: 94 % of the drop", table.Find(".contribution-headline").TextContent);
        Assert.Equal("Total 400 → 240 (−160, −40 %)", table.Find(".contribution-total").TextContent);
        Assert.Equal(["down", "down"], table.FindAll(".contribution-row").Select(r => r.ClassList.Contains("down") ? "down" : "up"));
        Assert.Equal(["100%", "6.7%"], table.FindAll(".bar").Select(b => b.GetAttribute("style")!.Replace("width: ", "", StringComparison.Ordinal)));
        Assert.Equal("district", table.Find("th:nth-child(2)").TextContent);
    }

    [Fact]
    public void Render_Unchanged_NoHeadlineNoShares()
    {
        var table = Table(ContributionAnalysis.Rank(["region"], [T("a", 5), T("b", 5)], [T("a", 7), T("b", 3)]));

        Assert.Empty(table.FindAll(".contribution-headline"));
        Assert.Equal(["–", "–"], table.FindAll(".contribution-share").Select(c => c.TextContent));
    }

    [Fact]
    public void Render_MoreRowsThanTop_SaysHowManyAreHidden()
    {
        var table = Table(ContributionAnalysis.Rank(["region"], [], [T("a", 5), T("b", 4), T("c", 3)]), top: 2);

        Assert.Equal(2, table.FindAll(".contribution-row").Count);
        Assert.Equal("1 more not shown.", table.Find(".contribution-more").TextContent);
    }

    [Fact]
    public void Render_Empty_Says()
    {
        Assert.Equal("No data in either period.", Table(ContributionReport.Empty(["region"])).Find(".contribution-empty").TextContent);
    }

    [Fact]
    public void Render_TagValueMarkup_IsText()
    {
        var table = Table(ContributionAnalysis.Rank(["region"], [], [T(Evil, 5)]));

        Assert.Empty(table.FindAll("img"));
        Assert.Equal(Evil, table.Find(".contribution-label").TextContent);
        Assert.Equal(Evil + ": 100 % of the surge", table.Find(".contribution-headline").TextContent);
    }
}
