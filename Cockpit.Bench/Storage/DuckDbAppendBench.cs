using BenchmarkDotNet.Attributes;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Bench.Storage;

/// <summary>
/// Embedded store append + commit of 100 simulator ticks (about 45 000 points) per operation. Each operation writes
/// the 100 minutes after the previous one's, so that every point is new, as in live ingest: writing the same minutes
/// again would measure rewrites (see <see cref="DuckDbRewriteBench"/>).
/// </summary>
[MemoryDiagnoser]
public class DuckDbAppendBench
{
    private const int Ticks = 100;
    private static readonly long SpanNs = UnixTime.ToNanos(TimeSpan.FromMinutes(Ticks));
    private readonly List<MetricPoint[]> _batches = [];
    private string _dir = string.Empty;
    private DuckDbMetricStore _store = default!;

    [GlobalSetup]
    public void Setup()
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = 1 }, new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        for (var tick = 0; tick < Ticks; tick++)
        {
            _batches.Add(simulator.Generate(tick));
        }

        _dir = Path.Combine(Path.GetTempPath(), "cockpit-bench-" + Guid.NewGuid().ToString("N"));
        _store = new DuckDbMetricStore(
            Options.Create(new CockpitOptions { DataDir = _dir }),
            Options.Create(new StoreOptions { FlushInterval = TimeSpan.FromMilliseconds(250) }),
            TimeProvider.System,
            NullLogger<DuckDbMetricStore>.Instance);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Points per operation, for turning the mean time into points per second.</summary>
    public int PointsPerOperation => _batches.Sum(b => b.Length);

    [Benchmark]
    public async Task AppendAndCommit()
    {
        foreach (var batch in _batches)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = batch[i] with { TimestampNs = batch[i].TimestampNs + SpanNs };
            }

            _store.Append(batch);
        }

        await _store.FlushAsync(CancellationToken.None);
    }
}
