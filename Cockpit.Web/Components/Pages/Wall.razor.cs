using System.Reactive.Concurrency;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Detection.Rollups;
using Cockpit.Ingest.Simulation;
using Cockpit.Web.Localization;
using Cockpit.Web.Security;
using Cockpit.Web.Wall;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Cockpit.Web.Components.Pages;

/// <summary>
/// The managers' wall: KPI tiles, the focus district's complaints with their expected band, the heat grid of districts
/// × metric families, trend charts per family, the alert list and a ticker of active alerts. Served from memory (live
/// rollups, detector scores, the alert book; only last week's hour comes from the store, cached) and pushed through
/// throttled subscriptions; nobody has to refresh it. <c>?kiosk=1</c> hides the navigation and the cursor,
/// <c>?rotate=30</c> shows one panel at a time and turns to the next every 30 s, <c>?district=tianhe</c> pins the focus
/// chart to one district.
/// </summary>
public sealed partial class Wall : ComponentBase, IDisposable
{
    /// <summary>Every role may look at the wall (the TV signs in with a read-only key).</summary>
    public const string WallRoles = ApiRoles.Viewer + "," + ApiRoles.OnCall + "," + ApiRoles.Analyst + "," + ApiRoles.Admin;

    /// <summary>Shortest and longest rotation interval accepted from <c>?rotate=</c>.</summary>
    public static readonly TimeSpan MinRotation = TimeSpan.FromSeconds(5);

    /// <inheritdoc cref="MinRotation"/>
    public static readonly TimeSpan MaxRotation = TimeSpan.FromHours(1);

    private static readonly string[] Panels = ["live", "trends"];

    private WallSnapshot _snapshot = default!;
    private WallLabels _labels = WallLabels.English;
    private ViewerCulture _viewer = default!;
    private IReadOnlyList<KpiValue> _kpis = [];
    private WallSnapshot? _kpisOf;
    private IDisposable? _rollupSubscription;
    private IDisposable? _alertSubscription;
    private IDisposable? _rotation;
    private int _panel;
    private bool _disposed;

    [Inject]
    private WallSnapshotBuilder Builder { get; set; } = default!;

    [Inject]
    private LiveRollups Rollups { get; set; } = default!;

    [Inject]
    private IAlertBook Alerts { get; set; } = default!;

    [Inject]
    private SimulatorStatus Simulator { get; set; } = default!;

    [Inject]
    private IScheduler Scheduler { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Wall> L { get; set; } = default!;

    // The service centre's time zone (Cockpit:Display:TimeZone), whatever the TV's setting.
    [Inject]
    private DisplayTimeZone Zone { get; set; } = default!;

    /// <summary><c>?kiosk=1</c>: a TV without navigation or cursor.</summary>
    [SupplyParameterFromQuery(Name = "kiosk")]
    public string? Kiosk { get; set; }

    /// <summary><c>?rotate=30</c>: seconds each panel is shown; absent or 0 shows every panel at once.</summary>
    [SupplyParameterFromQuery(Name = "rotate")]
    public int? Rotate { get; set; }

    /// <summary><c>?district=tianhe</c>: the focus chart's district; absent follows the highest complaints score.</summary>
    [SupplyParameterFromQuery(Name = "district")]
    public string? District { get; set; }

    private bool IsKiosk => Kiosk is "1" or "true" or "yes";

    private TimeSpan? RotateEvery => Rotate is > 0 and var seconds
        ? TimeSpan.FromSeconds(Math.Clamp(seconds, MinRotation.TotalSeconds, MaxRotation.TotalSeconds))
        : null;

    // One panel on screen at a time gets the whole height.
    private int ChartHeight => RotateEvery is null ? 360 : 600;

    private int SmallChartHeight => RotateEvery is null ? 300 : 360;

    private string FocusTitle => _snapshot.Focus.Region is null
        ? L["FocusChartEmpty"]
        : L["FocusChart", _snapshot.Focus.Name];

    private string DataTimeText =>
        _snapshot.DataTime is { } time
            ? Zone.Format(time) + " " + Zone.OffsetAt(time)
            : L["WaitingForData"];

    private IReadOnlyList<KpiValue> Kpis
    {
        get
        {
            if (!ReferenceEquals(_kpisOf, _snapshot))
            {
                _kpis = WallKpiText.Format(_snapshot.Figures, L);
                _kpisOf = _snapshot;
            }

            return _kpis;
        }
    }

    protected override void OnInitialized()
    {
        // Captured here, on the circuit, where the current culture is the viewer's; pushes render in it.
        _viewer = ViewerCulture.Capture();
        _labels = new WallLabels(L["Measured"], L["Expected"], L["Band"]);
        _snapshot = Builder.Build(_labels, District);
        _rollupSubscription = Rollups.Subscribe(Refresh);
        _alertSubscription = Alerts.SubscribeThrottled(Refresh);
        if (RotateEvery is { } every)
        {
            _rotation = Scheduler.SchedulePeriodic(every, () => _ = _viewer.InvokeAsync(InvokeAsync, NextPanel));
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _rollupSubscription?.Dispose();
        _alertSubscription?.Dispose();
        _rotation?.Dispose();
    }

    private bool Shows(int panel) => RotateEvery is null || _panel == panel;

    private void NextPanel()
    {
        if (_disposed)
        {
            return;
        }

        _panel = (_panel + 1) % Panels.Length;
        StateHasChanged();
    }

    // Called on a scheduler thread: build off the UI thread, then swap the immutable snapshot in on the renderer.
    private void Refresh()
    {
        if (_disposed)
        {
            return;
        }

        var snapshot = Builder.Build(_labels, District);
        _ = _viewer.InvokeAsync(InvokeAsync, () =>
        {
            _snapshot = snapshot;
            StateHasChanged();
        });
    }
}
