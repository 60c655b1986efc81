using BenchmarkDotNet.Attributes;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;

namespace Cockpit.Bench.Simulation;

/// <summary>One simulator tick (all 451 series of Guangzhou's 11 districts).</summary>
[MemoryDiagnoser]
public class TelecomSimulatorBench
{
    private readonly TelecomSimulator _simulator =
        new(new SimulatorOptions { Seed = 1 }, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));

    private long _tick;

    [Benchmark]
    public MetricPoint[] GenerateTick() => _simulator.Generate(_tick++ % 10_000);
}
