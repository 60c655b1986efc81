using Cockpit.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Cockpit.Web.Components.Controls;

/// <summary>
/// A line chart drawn by ApexCharts, optionally with a shaded band behind the lines (a range area) and vertical
/// annotations. The component owns the chart's life: it creates it after the first render, replaces the data when
/// <see cref="Series"/>, <see cref="Band"/> or <see cref="Annotations"/> change (a new instance; the chart never
/// appends, so it holds only what it was last given), and destroys it on dispose.
/// </summary>
public sealed partial class ApexChart : ComponentBase, IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IReadOnlyList<ChartSeries>? _rendered;
    private ChartBand? _renderedBand;
    private IReadOnlyList<ChartAnnotation>? _renderedAnnotations;
    private bool _created;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    // The x axis and tooltips read in the display time zone (Cockpit:Display:TimeZone), not the browser's: see Local.
    [Inject]
    private DisplayTimeZone Zone { get; set; } = default!;

    /// <summary>A stable name for tests and styling (the <c>data-chart</c> attribute).</summary>
    [Parameter]
    public string Key { get; set; } = "chart";

    /// <summary>Heading above the chart (text).</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>The lines to draw; pass a new list to redraw.</summary>
    [Parameter]
    [EditorRequired]
    public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    /// <summary>
    /// A band drawn behind the lines. Whether a chart has one is fixed when it is created (set it, even empty, from
    /// the first render); its ranges may change.
    /// </summary>
    [Parameter]
    public ChartBand? Band { get; set; }

    /// <summary>Vertical markers on the time axis; pass a new list to redraw.</summary>
    [Parameter]
    public IReadOnlyList<ChartAnnotation> Annotations { get; set; } = [];

    /// <summary>Text shown while there is no data (localized by the caller).</summary>
    [Parameter]
    public string? NoDataText { get; set; }

    /// <summary>Y-axis unit.</summary>
    [Parameter]
    public string? Unit { get; set; }

    /// <summary>Height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 300;

    [Parameter]
    public double? YMin { get; set; }

    [Parameter]
    public double? YMax { get; set; }

    [Parameter]
    public int Decimals { get; set; }

    [Parameter]
    public bool ShowLegend { get; set; } = true;

    /// <summary>
    /// The time range the x axis spans, when the chart shows a fixed window; null fits the axis to the points (which
    /// for one or two points spans days, as ApexCharts pads a near-empty range).
    /// </summary>
    [Parameter]
    public DateTimeOffset? XFrom { get; set; }

    /// <summary>The end of the x axis, see <see cref="XFrom"/>.</summary>
    [Parameter]
    public DateTimeOffset? XTo { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/cockpit-charts.js");
            var config = new
            {
                height = Height,
                unit = Unit,
                yMin = YMin,
                yMax = YMax,
                xMin = XFrom is { } from ? Zone.LocalMilliseconds(from.ToUnixTimeMilliseconds()) : (long?)null,
                xMax = XTo is { } to ? Zone.LocalMilliseconds(to.ToUnixTimeMilliseconds()) : (long?)null,
                decimals = Decimals,
                showLegend = ShowLegend,
                timeZone = Zone.Id,
                hasBand = Band is not null,
                noData = NoDataText,
            };
            Remember();
            await _module.InvokeVoidAsync("create", _element, config, Local(Series), Local(Band), Local(Annotations));
            _created = true;
            return;
        }

        if (_created && _module is not null
            && (!ReferenceEquals(_rendered, Series) || !ReferenceEquals(_renderedBand, Band) || !ReferenceEquals(_renderedAnnotations, Annotations)))
        {
            Remember();
            await _module.InvokeVoidAsync("update", _element, Local(Series), Local(Band), Local(Annotations));
        }
    }

    // ApexCharts knows UTC and the browser's zone only. Each x (a UTC instant in ms) is moved by the display zone's
    // offset at that instant (TimeZoneInfo's rules, so both sides of a daylight-saving change are right) and the chart
    // formats the result as UTC: labels read local time, and its ticks fall on whole local hours and midnights. One
    // fixed offset would be wrong for half the year in a zone with daylight saving. A label formatter on true instants
    // instead would lose ApexCharts' time-scale ticks (it only computes them when there is no formatter). The price: the
    // hour repeated when daylight saving ends is drawn over the one before it, as a local clock reads it.
    private IReadOnlyList<ChartSeries> Local(IReadOnlyList<ChartSeries> series) =>
        [.. series.Select(s => s with { Points = [.. s.Points.Select(p => p with { X = Zone.LocalMilliseconds(p.X) })] })];

    private ChartBand? Local(ChartBand? band) =>
        band is null ? null : band with { Ranges = [.. band.Ranges.Select(r => r with { X = Zone.LocalMilliseconds(r.X) })] };

    private IReadOnlyList<ChartAnnotation> Local(IReadOnlyList<ChartAnnotation> annotations) =>
        [.. annotations.Select(a => a with { X = Zone.LocalMilliseconds(a.X) })];

    private void Remember()
    {
        _rendered = Series;
        _renderedBand = Band;
        _renderedAnnotations = Annotations;
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("destroy", _element);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; so is the chart.
        }
    }
}
