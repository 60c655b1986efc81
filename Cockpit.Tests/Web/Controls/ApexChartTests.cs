using Bunit;
using Cockpit.Web.Components.Controls;

namespace Cockpit.Tests.Web.Controls;

public sealed class ApexChartTests : BunitContext
{
    private static List<ChartSeries> Lines(double value) =>
        [new ChartSeries("天河 tianhe", [new ChartPoint(1_000, value), new ChartPoint(61_000, value + 1)])];

    [Fact]
    public void Render_FirstTime_CreatesTheChartWithSeriesAndOptions()
    {
        var module = JSInterop.SetupModule("./js/cockpit-charts.js");
        module.SetupVoid("create", _ => true).SetVoidResult();
        var series = Lines(5);

        var chart = Render<ApexChart>(p => p
            .Add(c => c.Key, "complaints")
            .Add(c => c.Title, "Complaints")
            .Add(c => c.Series, series)
            .Add(c => c.Unit, "per min")
            .Add(c => c.Height, 320));

        Assert.Equal("Complaints", chart.Find(".chart-title").TextContent);
        Assert.Equal("complaints", chart.Find(".chart").GetAttribute("data-chart"));
        var create = Assert.Single(module.Invocations["create"]);
        Assert.Same(series, create.Arguments[2]);
    }

    [Fact]
    public void Render_NewSeriesList_UpdatesOnce_SameListDoesNot()
    {
        var module = JSInterop.SetupModule("./js/cockpit-charts.js");
        module.SetupVoid("create", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        var chart = Render<ApexChart>(p => p.Add(c => c.Series, Lines(1)));
        var next = Lines(2);

        chart.Render(p => p.Add(c => c.Series, next));
        chart.Render(p => p.Add(c => c.Series, next));

        var update = Assert.Single(module.Invocations["update"]);
        Assert.Same(next, update.Arguments[1]);
    }
}
