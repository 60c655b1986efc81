using Bunit;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Controls;

public sealed class ApexChartTests : BunitContext
{
    // Shanghai, the default display zone, is UTC+8 all year: every x arrives 8 h later, as local time read as UTC.
    private const long EightHours = 8 * 3_600_000;

    public ApexChartTests() => Services.AddSingleton(DisplayZones.Shanghai);

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

    private static bool HasBand(JSRuntimeInvocation create) => (bool)Config(create, "hasBand")!;

    private static IReadOnlyList<ChartSeries> SeriesOf(object? argument) => Assert.IsAssignableFrom<IReadOnlyList<ChartSeries>>(argument);

    private static string[] Drawn(object? argument) => [.. SeriesOf(argument).Select(Text)];

    private static string[] Expected(IReadOnlyList<ChartSeries> series, long shift) =>
        [.. series.Select(s => Text(s with { Points = [.. s.Points.Select(p => p with { X = p.X + shift })] }))];

    private static string Text(ChartSeries s) => s.Name + ": " + string.Join(" ", s.Points);

    private static ChartRange[] Ranges(object? argument) => [.. Assert.IsType<ChartBand>(argument).Ranges];

    private static ChartRange[] Expected(ChartBand band, long shift) => [.. band.Ranges.Select(r => r with { X = r.X + shift })];

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
        Assert.Equal(Expected(series, EightHours), Drawn(create.Arguments[2]));
        Assert.Null(create.Arguments[3]);
        Assert.False(HasBand(create));
        Assert.Equal("Asia/Shanghai", Config(create, "timeZone"));
    }

    private static object? Config(JSRuntimeInvocation create, string name) =>
        create.Arguments[1]!.GetType().GetProperty(name)!.GetValue(create.Arguments[1]);

    [Fact]
    public void Render_FixedWindow_XAxisSpansItInLocalMilliseconds()
    {
        var module = Module();
        var from = new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

        Render<ApexChart>(p => p.Add(c => c.Series, Lines(1)).Add(c => c.XFrom, from).Add(c => c.XTo, from.AddHours(4)));

        var create = Assert.Single(module.Invocations["create"]);
        Assert.Equal(from.ToUnixTimeMilliseconds() + EightHours, Config(create, "xMin"));
        Assert.Equal(from.AddHours(4).ToUnixTimeMilliseconds() + EightHours, Config(create, "xMax"));
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
        Assert.Equal(Expected(band, EightHours), Ranges(create.Arguments[3]));
        Assert.Equal([new ChartAnnotation(61_000 + EightHours, "天河 tianhe", "critical")], Assert.IsAssignableFrom<IReadOnlyList<ChartAnnotation>>(create.Arguments[4]));
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
        Assert.Equal(Expected(next, EightHours), Drawn(update.Arguments[1]));
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
        Assert.Equal(Expected(series, EightHours), Drawn(update.Arguments[1]));
        Assert.Equal(Expected(next, EightHours), Ranges(update.Arguments[2]));
    }

    // Berlin: CET (UTC+1) until 2026-03-29 01:00 UTC, CEST (UTC+2) until 2026-10-25 01:00 UTC. Each point is moved by
    // the offset at its own instant, so the axis reads the local clock on both sides of each change.
    [Fact]
    public void Render_ZoneWithDaylightSaving_EachPointMovedByTheOffsetAtItsInstant()
    {
        Services.AddSingleton(DisplayZones.Berlin);
        var module = Module();
        // Instants in UTC, and local clock times read as UTC (what the chart is given).
        static long Ms(int month, int day, int hour, int minute) => new DateTimeOffset(2026, month, day, hour, minute, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        List<ChartSeries> series =
        [
            new("spring", [new(Ms(3, 29, 0, 30), 1), new(Ms(3, 29, 1, 30), 2)]),
            new("autumn", [new(Ms(10, 25, 0, 30), 3), new(Ms(10, 25, 1, 30), 4)]),
        ];
        IReadOnlyList<ChartAnnotation> annotations = [new ChartAnnotation(Ms(7, 1, 12, 0), "summer", "info")];

        Render<ApexChart>(p => p.Add(c => c.Series, series).Add(c => c.Annotations, annotations));

        var create = Assert.Single(module.Invocations["create"]);
        Assert.Equal("Europe/Berlin", Config(create, "timeZone"));
        var drawn = SeriesOf(create.Arguments[2]);
        Assert.Equal([Ms(3, 29, 1, 30), Ms(3, 29, 3, 30)], drawn[0].Points.Select(p => p.X)); // 01:30 CET, 03:30 CEST
        Assert.Equal([Ms(10, 25, 2, 30), Ms(10, 25, 2, 30)], drawn[1].Points.Select(p => p.X)); // 02:30 CEST, then 02:30 CET
        Assert.Equal(Ms(7, 1, 14, 0), Assert.Single(Assert.IsAssignableFrom<IReadOnlyList<ChartAnnotation>>(create.Arguments[4])).X);
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
