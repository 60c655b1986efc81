using System.Globalization;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Detection.Rollups;
using Cockpit.Ingest.Simulation;
using Cockpit.Web.Wall;
using Microsoft.AspNetCore.Components;

namespace Cockpit.Web.Components.Pages;

/// <summary>
/// The managers' wall: KPI tiles, live charts per metric family and the alert list. Served from memory (live
/// rollups and the alert feed) and pushed through throttled subscriptions; nobody has to refresh it.
/// </summary>
public sealed partial class Wall : ComponentBase, IDisposable
{
    private WallSnapshot _snapshot = default!;
    private IDisposable? _rollupSubscription;
    private IDisposable? _alertSubscription;

    [Inject]
    private WallSnapshotBuilder Builder { get; set; } = default!;

    [Inject]
    private LiveRollups Rollups { get; set; } = default!;

    [Inject]
    private IAlertBook Alerts { get; set; } = default!;

    [Inject]
    private SimulatorStatus Simulator { get; set; } = default!;

    // The wall shows the service centre's local time (Guangzhou, UTC+8, no daylight saving), whatever the TV's setting.
    private static readonly TimeSpan WallOffset = TimeSpan.FromHours(8);

    private string DataTimeText =>
        _snapshot.DataTime is { } time
            ? string.Create(CultureInfo.InvariantCulture, $"{time.ToOffset(WallOffset):yyyy-MM-dd HH:mm} UTC{WallOffset.Hours:+0;-0}")
            : "waiting for data";

    protected override void OnInitialized()
    {
        _snapshot = Builder.Build();
        _rollupSubscription = Rollups.Subscribe(Refresh);
        _alertSubscription = Alerts.SubscribeThrottled(Refresh);
    }

    public void Dispose()
    {
        _rollupSubscription?.Dispose();
        _alertSubscription?.Dispose();
    }

    // Called on a scheduler thread: build off the UI thread, then swap the immutable snapshot in on the renderer.
    private void Refresh()
    {
        var snapshot = Builder.Build();
        _ = InvokeAsync(() =>
        {
            _snapshot = snapshot;
            StateHasChanged();
        });
    }
}
