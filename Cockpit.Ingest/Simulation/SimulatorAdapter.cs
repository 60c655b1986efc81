using Cockpit.Ingest.Bus;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Simulation;

/// <summary>
/// Feeds the simulator's ticks into the ingest bus, paced so that simulated time runs <c>Speed</c> times faster
/// than real time. When the bus is full it waits (backpressure) and catches up afterwards without skipping ticks.
/// </summary>
internal sealed partial class SimulatorAdapter(
    IngestBus bus,
    IOptions<SimulatorOptions> options,
    SimulatorStatus status,
    TimeProvider timeProvider,
    ILogger<SimulatorAdapter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var realStart = timeProvider.GetUtcNow();
        var start = settings.StartTime ?? AlignDown(realStart, settings.Interval);
        var simulator = new TelecomSimulator(settings, start);
        var realPerTick = settings.Interval / settings.Speed;
        status.Speed = settings.Speed;
        status.Running = true;
        LogStarted(start, settings.Speed, settings.Seed, simulator.MaxPointsPerTick);
        foreach (var incident in simulator.Schedule.ForCycle(0))
        {
            LogIncidentPlanned(incident.Kind, incident.Region, incident.Start, incident.Duration);
        }

        try
        {
            for (long tick = 0; !stoppingToken.IsCancellationRequested; tick++)
            {
                var due = realStart + (realPerTick * tick);
                var wait = due - timeProvider.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, timeProvider, stoppingToken).ConfigureAwait(false);
                }

                await bus.PublishInPiecesAsync(simulator.Generate(tick), stoppingToken).ConfigureAwait(false);
                status.Record(simulator.TimeOf(tick));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            status.Running = false;
        }
    }

    private static DateTimeOffset AlignDown(DateTimeOffset time, TimeSpan interval) =>
        new(time.UtcTicks - (time.UtcTicks % interval.Ticks), TimeSpan.Zero);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Simulator started at simulated {Start:O}, speed {Speed}x, seed {Seed}, up to {PointsPerTick} points per tick")]
    private partial void LogStarted(DateTimeOffset start, double speed, int seed, int pointsPerTick);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Incident planned: {Kind} in {Region} at simulated {Start:O} for {Duration}")]
    private partial void LogIncidentPlanned(IncidentKind kind, string region, DateTimeOffset start, TimeSpan duration);
}
