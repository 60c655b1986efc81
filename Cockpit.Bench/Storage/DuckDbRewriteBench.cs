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
/// What writing points the embedded store already has costs (the last write wins, so each one replaces a stored
/// point), against writing as many new points, on a store holding a day of simulator data (1 440 ticks, ≈ 650 000
/// points). One tick is one minute of every simulated series (≈ 450 points).
/// </summary>
[MemoryDiagnoser]
public class DuckDbRewriteBench
{
    private const int Day = 1_440;
    private const int Rewritten = 100;
    private static readonly long MinuteNs = UnixTime.ToNanos(TimeSpan.FromMinutes(1));
    private readonly List<MetricPoint[]> _day = [];
    private MetricPoint[] _next = [];
    private string _dir = string.Empty;
    private DuckDbMetricStore _store = default!;

    [GlobalSetup]
    public void Setup()
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = 1 }, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));
        for (var tick = 0; tick < Day; tick++)
        {
            _day.Add(simulator.Generate(tick));
        }

        _next = simulator.Generate(Day);
        _dir = Path.Combine(Path.GetTempPath(), "cockpit-bench-" + Guid.NewGuid().ToString("N"));
        _store = new DuckDbMetricStore(
            Options.Create(new CockpitOptions { DataDir = _dir }),
            Options.Create(new StoreOptions { FlushInterval = TimeSpan.FromMilliseconds(250) }),
            TimeProvider.System,
            NullLogger<DuckDbMetricStore>.Instance);
        foreach (var batch in _day)
        {
            _store.Append(batch);
        }

        _store.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();
        _store.Compact();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>The baseline: one new minute of every series, then a commit.</summary>
    [Benchmark(Baseline = true)]
    public async Task AppendNewMinute()
    {
        _store.Append(_next);
        await _store.FlushAsync(CancellationToken.None);
        for (var i = 0; i < _next.Length; i++)
        {
            _next[i] = _next[i] with { TimestampNs = _next[i].TimestampNs + MinuteNs };
        }
    }

    /// <summary>The newest minute of every series written again, then a commit.</summary>
    [Benchmark]
    public async Task RewriteNewestMinute()
    {
        _store.Append(_day[^1]);
        await _store.FlushAsync(CancellationToken.None);
    }

    /// <summary>The newest 100 minutes of every series (≈ 45 000 points) written again in one transaction.</summary>
    [Benchmark]
    public async Task RewriteHundredMinutes()
    {
        for (var tick = Day - Rewritten; tick < Day; tick++)
        {
            _store.Append(_day[tick]);
        }

        await _store.FlushAsync(CancellationToken.None);
    }
}
