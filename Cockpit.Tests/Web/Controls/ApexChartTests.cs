using Bunit;
using Cockpit.Web.Components.Controls;

namespace Cockpit.Tests.Web.Controls;

public sealed class ApexChartTests : BunitContext
{
    private static List<ChartSeries> Lines(double value) =>
        [new ChartSeries("天河 tianhe", [new ChartPoint(1_000, value), new ChartPoint(61_000, value + 1)])];

    private static ChartBand Band(double low) => new("normal band", [new ChartRange(1_000, low, low + 4), new ChartRange(61_000, low, low + 5)]);

    private BunitJSModuleInterop Module()
    {
        var module = JSInterop.SetupModule("./js/cockpit-charts.js");
        module.SetupVoid("create", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        return module;
    }

    private static bool HasBand(JSRuntimeInvocation create) =>
        (bool)create.Arguments[1]!.GetType().GetProperty("hasBand")!.GetValue(create.Arguments[1])!;

    [Fact]
    public void Render_FirstTime_CreatesTheChartWithSeriesAndOptions()
    {
        var module = Module();
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
        Assert.Null(create.Arguments[3]);
        Assert.False(HasBand(create));
    }

    private static object? Config(JSRuntimeInvocation create, string name) =>
        create.Arguments[1]!.GetType().GetProperty(name)!.GetValue(create.Arguments[1]);

    [Fact]
    public void Render_FixedWindow_XAxisSpansItInUnixMilliseconds()
    {
        var module = Module();
        var from = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

        Render<ApexChart>(p => p.Add(c => c.Series, Lines(1)).Add(c => c.XFrom, from).Add(c => c.XTo, from.AddHours(4)));

        var create = Assert.Single(module.Invocations["create"]);
        Assert.Equal(from.ToUnixTimeMilliseconds(), Config(create, "xMin"));
        Assert.Equal(from.AddHours(4).ToUnixTimeMilliseconds(), Config(create, "xMax"));
    }

    [Fact]
    public void Render_NoWindow_XAxisFitsThePoints()
    {
        var module = Module();

        Render<ApexChart>(p => p.Add(c => c.Series, Lines(1)));

        var create = Assert.Single(module.Invocations["create"]);
        Assert.Null(Config(create, "xMin"));
        Assert.Null(Config(create, "xMax"));
    }

    [Fact]
    public void Render_WithBandAndAnnotations_CreatesARangeAreaChartWithThem()
    {
        var module = Module();
        var band = Band(10);
        IReadOnlyList<ChartAnnotation> annotations = [new ChartAnnotation(61_000, "天河 tianhe", "critical")];

        Render<ApexChart>(p => p.Add(c => c.Series, Lines(12)).Add(c => c.Band, band).Add(c => c.Annotations, annotations));

        var create = Assert.Single(module.Invocations["create"]);
        Assert.True(HasBand(create));
        Assert.Same(band, create.Arguments[3]);
        Assert.Same(annotations, create.Arguments[4]);
    }

    [Fact]
    public void Render_NewSeriesList_UpdatesOnce_SameListDoesNot()
    {
        var module = Module();
        var chart = Render<ApexChart>(p => p.Add(c => c.Series, Lines(1)));
        var next = Lines(2);

        chart.Render(p => p.Add(c => c.Series, next));
        chart.Render(p => p.Add(c => c.Series, next));

        var update = Assert.Single(module.Invocations["update"]);
        Assert.Same(next, update.Arguments[1]);
    }

    [Fact]
    public void Render_NewBandOnly_UpdatesWithTheNewBand()
    {
        var module = Module();
        var series = Lines(1);
        var chart = Render<ApexChart>(p => p.Add(c => c.Series, series).Add(c => c.Band, Band(1)));
        var next = Band(2);

        chart.Render(p => p.Add(c => c.Series, series).Add(c => c.Band, next));

        var update = Assert.Single(module.Invocations["update"]);
        Assert.Same(series, update.Arguments[1]);
        Assert.Same(next, update.Arguments[2]);
    }

    [Fact]
    public async Task Dispose_DestroysTheChart()
    {
        var module = Module();
        module.SetupVoid("destroy", _ => true).SetVoidResult();
        var chart = Render<ApexChart>(p => p.Add(c => c.Series, Lines(1)));

        await chart.Instance.DisposeAsync();

        Assert.Single(module.Invocations["destroy"]);
    }
}
