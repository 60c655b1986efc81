using BenchmarkDotNet.Attributes;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;
using Cockpit.Ingest.Storage.Influx;

namespace Cockpit.Bench.Storage;

/// <summary>
/// The InfluxDB store's append step: 100 simulator ticks (about 45 000 points) encoded into line-protocol batches of
/// 5 000 lines, each handed on and released as the sender would after a 2xx. Allocation-free per point once warm.
/// </summary>
[MemoryDiagnoser]
public class LineProtocolBatcherBench
{
    private const int Ticks = 100;
    private readonly List<MetricPoint[]> _batches = [];
    private LineProtocolBatcher _batcher = default!;

    [GlobalSetup]
    public void Setup()
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = 1 }, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        for (var tick = 0; tick < Ticks; tick++)
        {
            _batches.Add(simulator.Generate(tick));
        }

        _batcher = new LineProtocolBatcher(5_000, 1, batch => batch.Dispose());
    }

    /// <summary>Points per operation, for turning the mean time into points per second.</summary>
    public int PointsPerOperation => _batches.Sum(b => b.Length);

    [Benchmark]
    public long AppendAndSeal()
    {
        foreach (var batch in _batches)
        {
            _batcher.Append(batch);
        }

        return _batcher.Seal();
    }
}
