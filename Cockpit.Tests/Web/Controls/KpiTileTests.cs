using Bunit;
using Cockpit.Web.Components.Controls;
using Cockpit.Web.Wall;

namespace Cockpit.Tests.Web.Controls;

public sealed class KpiTileTests : BunitContext
{
    [Fact]
    public void Render_CriticalKpi_ShowsValueUnitDetailAndState()
    {
        var tile = Render<KpiTile>(p => p.Add(t => t.Kpi, new KpiValue("Business success rate", "87.5", "%", "12 of 14", KpiState.Critical)));

        var root = tile.Find(".kpi");
        Assert.Contains("kpi-critical", root.ClassList);
        Assert.Equal("Business success rate", tile.Find(".kpi-label").TextContent);
        Assert.Equal("87.5%", tile.Find(".kpi-value").TextContent);
        Assert.Equal("12 of 14", tile.Find(".kpi-detail").TextContent);
    }

    [Fact]
    public void Render_MarkupInLabel_ShownAsText()
    {
        var tile = Render<KpiTile>(p => p.Add(t => t.Kpi, new KpiValue("<b>x</b>", "1", string.Empty, string.Empty, KpiState.Ok)));

        Assert.Empty(tile.FindAll("b"));
        Assert.Equal("<b>x</b>", tile.Find(".kpi-label").TextContent);
    }
}
