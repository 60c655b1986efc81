using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Http;
using Cockpit.Ingest.Mqtt;
using Cockpit.Ingest.Replay;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Simulation;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Components.Controls.Admin;

/// <summary>
/// Each ingest source (HTTP writes, MQTT, replayed files, the simulator) and the store behind them, with their live
/// state: on or off, connected, what was accepted and rejected, when data last came, and the last problem. The
/// status objects are plain counters (the ones <c>/healthz</c> reports), not observable, so the panel redraws itself
/// from them every <see cref="RefreshInterval"/> on the injected scheduler.
/// </summary>
public sealed partial class IngestSourcesPanel : ComponentBase, IDisposable
{
    /// <summary>How often the panel re-reads the statuses.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private IDisposable? _refresh;

    [Inject] private IngestBus Bus { get; set; } = default!;

    [Inject] private SeriesRegistry Registry { get; set; } = default!;

    [Inject] private IngestHttpHandler Http { get; set; } = default!;

    [Inject] private IOptions<MqttOptions> Mqtt { get; set; } = default!;

    [Inject] private MqttStatus MqttStatus { get; set; } = default!;

    [Inject] private IOptions<ReplayOptions> Replay { get; set; } = default!;

    [Inject] private ReplayStatus ReplayStatus { get; set; } = default!;

    [Inject] private IOptions<SimulatorOptions> Simulator { get; set; } = default!;

    [Inject] private SimulatorStatus SimulatorStatus { get; set; } = default!;

    [Inject] private IOptions<StoreOptions> Store { get; set; } = default!;

    [Inject] private InfluxDbStoreStatus Influx { get; set; } = default!;

    [Inject] private IScheduler Scheduler { get; set; } = default!;

    // Ticks arrive on a scheduler thread: redraw in the viewer's culture (ViewerCulture), not that thread's.
    protected override void OnInitialized()
    {
        var viewer = ViewerCulture.Capture();
        _refresh = Observable.Interval(RefreshInterval, Scheduler).Subscribe(_ => viewer.InvokeAsync(InvokeAsync, StateHasChanged));
    }

    public void Dispose() => _refresh?.Dispose();

    private string ReplayState(ReplayFileStatus file) =>
        file.Error is not null ? "failed" : file.Done ? "done" : ReplayStatus.Running ? "running" : "stopped";

    private static string StateClass(string state) => state switch
    {
        "failed" => "state-bad",
        "running" or "done" => "state-ok",
        _ => "state-off",
    };
}
