using System.Globalization;
using System.Reactive.Linq;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Pipeline;
using Cockpit.Web.Inbox;
using Cockpit.Web.Localization;
using Microsoft.AspNetCore.Components;

namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>
/// The alert's series from the store, ±2 h around its start, and the detector's expected band as far as it is known:
/// the engine keeps no history of its scores, so the band is collected live from when the page opens (bounded).
/// </summary>
public sealed partial class AlertChartPanel : ComponentBase
{
    /// <summary>The most band points kept.</summary>
    public const int MaxBandPoints = 2000;

    private readonly List<ScoredValue> _band = [];
    private AlertSeriesSource? _source;
    private IReadOnlyList<ChartPoint>? _line;
    private IReadOnlyList<ChartSeries> _series = [];
    private IDisposable? _bandSubscription;
    private ViewerCulture _viewer = default!;
    private long _loadedFor = -1;
    private bool _failed;
    private bool _disposed;

    [Inject]
    private AlertInsights Insights { get; set; } = default!;

    [Inject]
    private AlertScoreFeed Scores { get; set; } = default!;

    [Inject]
    private ILogger<AlertChartPanel> Logger { get; set; } = default!;

    /// <summary>The alert to chart.</summary>
    [Parameter, EditorRequired]
    public AlertRecord Alert { get; set; } = default!;

    private bool HasBand => _band.Count > 0;

    private string Filters => _source is null || _source.Filters.Count == 0
        ? ""
        : string.Join(", ", _source.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value));

    private string BucketText => _source?.Bucket.ToString("c", CultureInfo.InvariantCulture) ?? "";

    protected override void OnInitialized() => _viewer = ViewerCulture.Capture();

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == Alert.Id)
        {
            return;
        }

        _loadedFor = Alert.Id;
        _bandSubscription?.Dispose();
        _band.Clear();
        _line = null;
        _failed = false;
        _source = Insights.SourceOf(Alert);
        if (_source is null)
        {
            return;
        }

        _bandSubscription = Scores.Of(Alert.Rule, Alert.Tags).Subscribe(OnScored);
        var alert = Alert;
        try
        {
            _line = await Insights.LoadLineAsync(_source, alert, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            InboxLog.ChartFailed(Logger, alert.Id, e);
            _failed = true;
        }

        Rebuild();
    }

    public void Dispose()
    {
        _disposed = true;
        _bandSubscription?.Dispose();
    }

    // Called on the detection thread: hand the value to the renderer.
    private void OnScored(ScoredValue value)
    {
        if (_disposed || !double.IsFinite(value.Lower) || !double.IsFinite(value.Upper))
        {
            return;
        }

        _ = _viewer.InvokeAsync(InvokeAsync, () =>
        {
            if (_band.Count >= MaxBandPoints)
            {
                _band.RemoveAt(0);
            }

            _band.Add(value);
            Rebuild();
            StateHasChanged();
        });
    }

    private void Rebuild()
    {
        if (_line is not { Count: > 0 } line)
        {
            return;
        }

        var series = new List<ChartSeries> { new(L["value"], line) };
        if (_band.Count > 0)
        {
            series.Add(new ChartSeries(L["expected"], Band(v => v.Expected)));
            series.Add(new ChartSeries(L["band low"], Band(v => v.Lower)));
            series.Add(new ChartSeries(L["band high"], Band(v => v.Upper)));
        }

        _series = series;
    }

    private List<ChartPoint> Band(Func<ScoredValue, double> pick) =>
        [.. _band.Where(v => double.IsFinite(pick(v))).Select(v => new ChartPoint(v.TimestampNs / 1_000_000, pick(v)))];
}
