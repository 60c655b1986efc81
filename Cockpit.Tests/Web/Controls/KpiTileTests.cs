using Bunit;
using Cockpit.Web.Components.Controls;
using Cockpit.Web.Wall;

namespace Cockpit.Tests.Web.Controls;

public sealed class KpiTileTests : BunitContext
{
    [Fact]
    public void Render_CriticalKpi_ShowsValueUnitDetailAndState()
    {
        var tile = Render<KpiTile>(p => p.Add(t => t.Kpi, new KpiValue("success-rate", "Business success rate", "87.5", "%", "12 of 14", KpiState.Critical)));

        var root = tile.Find(".kpi");
        Assert.Contains("kpi-critical", root.ClassList);
        Assert.Equal("success-rate", root.GetAttribute("data-kpi"));
        Assert.Equal("Business success rate", tile.Find(".kpi-label").TextContent);
        Assert.Equal("87.5%", tile.Find(".kpi-value").TextContent);
        Assert.Equal("12 of 14", tile.Find(".kpi-detail").TextContent);
    }

    [Fact]
    public void Render_MarkupInLabelAndDetail_ShownAsText()
    {
        const string Evil = "<img src=x onerror=alert(1)>";

        var tile = Render<KpiTile>(p => p.Add(t => t.Kpi, new KpiValue("k", "<b>x</b>", "1", string.Empty, Evil, KpiState.Ok)));

        Assert.Empty(tile.FindAll("b"));
        Assert.Empty(tile.FindAll("img"));
        Assert.Equal("<b>x</b>", tile.Find(".kpi-label").TextContent);
        Assert.Equal(Evil, tile.Find(".kpi-detail").TextContent);
    }

    [Theory]
    [InlineData(KpiState.Ok, "kpi-ok")]
    [InlineData(KpiState.Warning, "kpi-warning")]
    [InlineData(KpiState.Unknown, "kpi-unknown")]
    public void Render_State_ColoursTheTile(KpiState state, string css)
    {
        var tile = Render<KpiTile>(p => p.Add(t => t.Kpi, new KpiValue("k", "label", "1", string.Empty, string.Empty, state)));

        Assert.Contains(css, tile.Find(".kpi").ClassList);
    }
}
