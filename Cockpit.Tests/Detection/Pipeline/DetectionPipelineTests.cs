using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rollups;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Log;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>
/// The hosted pipeline as the app composes it — bus, production detectors, alert feed — on a virtual clock: points
/// are published at virtual times, and silence and eviction happen only as the scheduler's sweeps run.
/// </summary>
public sealed class DetectionPipelineTests : IAsyncLifetime
{
    private static readonly SeriesKey Cell = SeriesKey.Create(MetricNames.Network, (MetricNames.RegionTag, "tianhe"), (MetricNames.CellTag, "tianhe-01"));

    private readonly TestScheduler _scheduler = new();
    private readonly TempDirectory _dir = new();
    private readonly FileIngestLog _log;
    private readonly IngestBus _bus;
    private readonly RecordingSink _alerts = new();
    private readonly LiveRollups _rollups;
    private readonly DetectionPipeline _pipeline;

    public DetectionPipelineTests()
    {
        _log = TestLogs.Open(_dir.Path);
        _bus = new IngestBus(_log, TimeProvider.System);
        var options = Options.Create(new DetectionOptions
        {
            SweepInterval = TimeSpan.FromSeconds(10),
            IdleTimeout = TimeSpan.FromHours(1),
            Rules =
            [
                new DetectionRuleOptions
                {
                    Name = "latency-high",
                    Measurement = MetricNames.Network,
                    Field = MetricNames.LatencyField,
                    Detector = DetectorKind.Threshold,
                    Threshold = new ThresholdDetectorOptions { Above = 100, RecoverBelow = 80 },
                    PendingFor = TimeSpan.FromMinutes(2),
                    RecoveryPoints = 1,
                },
                new DetectionRuleOptions
                {
                    Name = "source-silent",
                    Measurement = "*",
                    GroupBy = [MetricNames.RegionTag],
                    Detector = DetectorKind.NoData,
                    RecoveryPoints = 1,
                },
            ],
        });
        _scheduler.AdvanceTo(Points.Monday.Ticks);
        _rollups = new LiveRollups(_scheduler, options);
        _pipeline = new DetectionPipeline(_bus, _rollups, [_alerts], _scheduler, options, MemoryRuleStore.Catalog(options.Value), NullLogger<DetectionPipeline>.Instance);
        _pipeline.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _pipeline.Dispose();
        _rollups.Dispose();
        _bus.Dispose();
        await _log.DisposeAsync();
        _dir.Dispose();
    }

    // One latency point a minute at the current virtual time, then a minute passes.
    private void Send(params double[] latencies)
    {
        foreach (var latency in latencies)
        {
            _bus.Publish(Points.At(Cell, MetricNames.LatencyField, latency, _scheduler.Now));
            _scheduler.Advance(TimeSpan.FromMinutes(1));
        }
    }

    // The signals the sink got, e.g. "latency-high:pending@10 latency-high:firing@12 latency-high:resolved@16".
    private string Alerts() => string.Join(" ", _alerts.Signals.Select(s =>
        $"{s.Rule}:{(s.Firing ? "firing" : s.Pending ? "pending" : "resolved")}@{(s.Time - Points.Monday).TotalMinutes}"));

    [Fact]
    public void Pipeline_ThresholdWithPendingPeriodAndHysteresis_FiresAndResolvesIntoTheFeed()
    {
        // Above 100 from minute 10; pending 2 minutes → fires at 12; 90 is between the limits; 70 recovers at 16.
        Send(50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 150, 150, 150, 90, 90, 90, 70, 50);

        Assert.Equal("latency-high:pending@10 latency-high:firing@12 latency-high:resolved@16", Alerts());
        Assert.Equal(18, _pipeline.Status.Points);
    }

    [Fact]
    public void Pipeline_SourceFallsSilent_SweepOnTheSchedulerRaisesNoDataAndDataResolvesIt()
    {
        Send(50, 50, 50, 50, 50, 50);

        _scheduler.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal("", Alerts());
        _scheduler.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("source-silent:firing@10", Alerts());

        Send(50);

        Assert.Equal("source-silent:firing@10 source-silent:resolved@11", Alerts());
    }

    [Fact]
    public void Pipeline_SeriesStopsForTheIdleTimeout_IsEvictedByASweep()
    {
        Send(50, 50, 50);
        Assert.Equal(2, _pipeline.Status.Subjects);

        _scheduler.Advance(TimeSpan.FromHours(1.1));

        // The value subject is forgotten; the silent group stays watched (and alerting) for SilenceForgetAfter.
        Assert.Equal(1, _pipeline.Status.Subjects);
        Assert.Equal(1, _pipeline.Status.EvictedSubjects);
        Assert.Equal(0, _pipeline.Status.RoutedSeries);
    }

    private sealed class RecordingSink : IAlertSignalSink
    {
        public List<AlertSignal> Signals { get; } = [];

        public void Accept(AlertSignal signal) => Signals.Add(signal);
    }
}
