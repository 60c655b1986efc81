using Bunit;
using Cockpit.Ingest.Model;
using Cockpit.Web.Components.Controls.Wall;
using Cockpit.Web.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Controls.Wall;

public sealed class HeatGridTests : BunitContext
{
    public HeatGridTests() => Services.AddLocalization(o => o.ResourcesPath = "Resources");

    private static HeatGridData Grid(params (string Region, double[] Scores)[] rows) =>
        new([.. rows.Select(r => new HeatRow(r.Region, Region.DisplayName(r.Region), r.Scores))]);

    [Fact]
    public void Render_Scores_ARowPerDistrictACellPerFamilyColouredByLevel()
    {
        var grid = Render<HeatGrid>(p => p.Add(g => g.Data, Grid(("tianhe", [0.92, 0.1, double.NaN]), ("liwan", [0.35, 0.6, 0]))));

        var rows = grid.FindAll("tbody tr");
        Assert.Equal(["tianhe", "liwan"], rows.Select(r => r.GetAttribute("data-region")));
        Assert.Equal("天河 tianhe", rows[0].QuerySelector(".heat-region")!.TextContent);
        Assert.Equal(["Complaints", "Business", "Network"], grid.FindAll(".heat-family").Select(h => h.TextContent));
        string[] Levels(int row) => [.. rows[row].QuerySelectorAll(".heat-cell").Select(c => c.ClassList.First(k => k.StartsWith("heat-", StringComparison.Ordinal) && k != "heat-cell"))];
        Assert.Equal(["heat-severe", "heat-calm", "heat-none"], Levels(0));
        Assert.Equal(["heat-watch", "heat-high", "heat-calm"], Levels(1));
        Assert.Equal("0.92", rows[0].QuerySelector("[data-family=complaints]")!.TextContent);
        Assert.Equal("–", rows[0].QuerySelector("[data-family=network]")!.TextContent);
        Assert.Equal(string.Empty, rows[0].QuerySelector("[data-family=network]")!.GetAttribute("data-score"));
    }

    [Theory]
    [InlineData(double.NaN, "none")]
    [InlineData(0.0, "calm")]
    [InlineData(0.299, "calm")]
    [InlineData(0.3, "watch")]
    [InlineData(0.5, "high")]
    [InlineData(0.8, "severe")]
    [InlineData(1.0, "severe")]
    public void Level_Score_Band(double score, string level) => Assert.Equal(level, HeatGrid.Level(score));

    [Fact]
    public void Render_NoRows_SaysItWaits()
    {
        var grid = Render<HeatGrid>(p => p.Add(g => g.Data, HeatGridData.Empty));

        Assert.Empty(grid.FindAll("table"));
        Assert.Contains("Waiting", grid.Find(".heat-empty").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkupInDistrictName_ShownAsText()
    {
        const string Evil = "<img src=x onerror=alert(1)>";

        var grid = Render<HeatGrid>(p => p.Add(g => g.Data, Grid((Evil, [0.5, 0.5, 0.5]))));

        Assert.Empty(grid.FindAll("img"));
        Assert.Equal(Evil, grid.Find(".heat-region").TextContent);
        Assert.Equal(Evil, grid.Find(".heat-region").GetAttribute("title")); // the whole name, when the cell cuts it short
    }

    [Fact]
    public void Render_ChineseCulture_FamiliesInChinese()
    {
        using var culture = new CultureScope("zh-CN");

        var grid = Render<HeatGrid>(p => p.Add(g => g.Data, Grid(("tianhe", [0.1, 0.1, 0.1]))));

        Assert.Equal(["投诉", "业务", "网络"], grid.FindAll(".heat-family").Select(h => h.TextContent));
    }
}
