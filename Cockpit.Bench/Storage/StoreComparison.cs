using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Bench.Storage;

/// <summary>
/// The embedded store against Debian's influxd, same data, same run: the write rate, then the wall's and the analysts'
/// questions — one series' last 24 h in 5-minute buckets, 11 districts in 5-minute buckets over 24 h, 11 districts
/// hourly over 7 days — and on a second, 30-day data set (≈ 50 M points) 11 districts hourly over 30 days. Each
/// answer is checked against influxd's before it is timed.
/// <c>dotnet run -c Release --project Cockpit.Bench -- store [--series 1000] [--minutes 10000] [--long-series 1160] [--long-minutes 43200] [--repeat 30]</c>
/// (<c>--long-series 0</c> skips the 30-day set).
/// </summary>
internal static class StoreComparison
{
    private const int BatchPoints = 5_000;
    private const string Measurement = "complaints";
    private const string Field = "count";

    private static readonly string[] Districts =
        ["yuexiu", "liwan", "haizhu", "tianhe", "baiyun", "huangpu", "panyu", "huadu", "nansha", "conghua", "zengcheng"];

    public static async Task<int> RunAsync(string[] args)
    {
        var series = Option(args, "--series", 1_000);
        var minutes = Option(args, "--minutes", 10_000);
        var longSeries = Option(args, "--long-series", 1_160);
        var longMinutes = Option(args, "--long-minutes", 43_200);
        var repeat = Option(args, "--repeat", 30);

        var rows = new List<string>();
        var end = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        Console.WriteLine($"Data set 1: {series} series x {minutes} minutes = {(long)series * minutes:N0} points, ending {end:O}");
        await using (var run = await Run.StartAsync(series, minutes, end))
        {
            rows.Add(run.WriteRow());
            var day = end.AddDays(-1);
            rows.Add(await run.Compare("one series, last 24 h, 5-minute buckets", Query(day, end, TimeSpan.FromMinutes(5), Aggregate.Mean) with
            {
                TagFilters = new Dictionary<string, IReadOnlyList<string>> { ["region"] = [Districts[3]], ["cell"] = [Cell(3)] },
            }, repeat));
            rows.Add(await run.Compare("11 districts, last 24 h, 5-minute buckets", Query(day, end, TimeSpan.FromMinutes(5), Aggregate.Sum, "region"), repeat));
            rows.Add(await run.Compare("11 districts, 7 days, hourly", Query(end.AddDays(-7), end, TimeSpan.FromHours(1), Aggregate.Sum, "region"), repeat));
        }

        if (longSeries > 0)
        {
            Console.WriteLine($"Data set 2: {longSeries} series x {longMinutes} minutes = {(long)longSeries * longMinutes:N0} points");
            await using var run = await Run.StartAsync(longSeries, longMinutes, end);
            rows.Add(run.WriteRow());
            rows.Add(await run.Compare("11 districts, 30 days, hourly", Query(end.AddDays(-30), end, TimeSpan.FromHours(1), Aggregate.Sum, "region"), repeat));
        }

        Console.WriteLine();
        Console.WriteLine("| measure | influxd | embedded (memory + rollups) | embedded (file only) | ratio influxd / embedded |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static MetricQuery Query(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, Aggregate aggregate, params string[] groupBy) => new()
    {
        Measurement = Measurement,
        Field = Field,
        From = from,
        To = to,
        Bucket = bucket,
        Aggregate = aggregate,
        GroupBy = groupBy,
    };

    private static string Cell(int series) => "c" + series.ToString("D4", CultureInfo.InvariantCulture);

    // A city-day shape plus a deterministic wobble per series, so that aggregates are not trivially equal.
    private static double Value(int series, long minute) =>
        Math.Round(20 + (10 * Math.Sin(minute * Math.PI / 720.0)) + ((series * 7919 + minute * 104729) % 13), 3);

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>One data set written to influxd and to two embedded stores (with and without memory).</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly InfluxdServer _influxd;
        private readonly HttpClient _influxClient;
        private readonly string _dir;
        private readonly DuckDbMetricStore _embedded;
        private readonly DuckDbMetricStore _fileOnly;
        private double _influxSeconds;
        private double _embeddedSeconds;
        private double _compactSeconds;
        private long _points;

        private Run(InfluxdServer influxd, string dir)
        {
            _influxd = influxd;
            _influxClient = influxd.CreateClient();
            _dir = dir;
            _embedded = Open(Path.Combine(dir, "memory"), 1024);
            _fileOnly = Open(Path.Combine(dir, "file"), 0);
        }

        public static async Task<Run> StartAsync(int series, int minutes, DateTimeOffset end)
        {
            var dir = Path.Combine(Path.GetTempPath(), "cockpit-store-bench-" + Guid.NewGuid().ToString("N")[..8]);
            var run = new Run(await InfluxdServer.StartAsync(), dir);
            await run.LoadAsync(series, minutes, end);
            return run;
        }

        public string WriteRow()
        {
            var influx = _points / _influxSeconds;
            var embedded = _points / _embeddedSeconds;
            Console.WriteLine($"  write: influxd {influx:N0} points/s; embedded {embedded:N0} points/s (+ compaction {_compactSeconds:F1} s)");
            return $"| write {_points:N0} points | {influx / 1e6:F2} M points/s | {embedded / 1e6:F2} M points/s | — | {embedded / influx:F2}x (embedded faster) |";
        }

        public async Task<string> Compare(string name, MetricQuery query, int repeat)
        {
            var influxQl = InfluxQl.Select(query, retentionPolicy: null)!;
            var expected = await InfluxAsync(influxQl);
            var fromMemory = await _embedded.QueryAsync(query, CancellationToken.None);
            var fromFile = await _fileOnly.QueryAsync(query, CancellationToken.None);
            Check(name, expected, fromMemory, "memory");
            Check(name, expected, fromFile, "file");

            var influx = await Time(repeat, () => InfluxAsync(influxQl));
            var memory = await Time(repeat, () => _embedded.QueryAsync(query, CancellationToken.None));
            var file = await Time(repeat, () => _fileOnly.QueryAsync(query, CancellationToken.None));
            Console.WriteLine($"  {name}: influxd {Ms(influx)}, embedded {Ms(memory)}, file only {Ms(file)} ({expected.Count} groups, {expected.Sum(e => e.Value.Count)} buckets)");
            return $"| {name} | {Ms(influx)} | {Ms(memory)} | {Ms(file)} | {influx / memory:F0}x / {influx / file:F1}x |";
        }

        public async ValueTask DisposeAsync()
        {
            await _embedded.DisposeAsync();
            await _fileOnly.DisposeAsync();
            _influxClient.Dispose();
            await _influxd.DisposeAsync();
            Directory.Delete(_dir, recursive: true);
        }

        private static DuckDbMetricStore Open(string dir, int memoryMiB) => new(
            Options.Create(new CockpitOptions { DataDir = dir }),
            Options.Create(new StoreOptions { RecentMemoryMiB = memoryMiB }),
            TimeProvider.System,
            NullLogger<DuckDbMetricStore>.Instance);

        private async Task LoadAsync(int seriesCount, int minutes, DateTimeOffset end)
        {
            var keys = Enumerable.Range(0, seriesCount)
                .Select(s => SeriesKey.Create(Measurement, ("region", Districts[s % Districts.Length]), ("cell", Cell(s))))
                .ToArray();
            var startMinute = (UnixTime.ToNanos(end) / Resolutions.MinuteNs) - minutes;
            _points = (long)seriesCount * minutes;

            // influxd: 5 000-line bodies over two connections (it has both cores), points in time order.
            var clock = Stopwatch.StartNew();
            var next = -1L;
            var batches = (_points + BatchPoints - 1) / BatchPoints;
            await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                long b;
                while ((b = Interlocked.Increment(ref next)) < batches)
                {
                    var text = new StringBuilder(BatchPoints * 60);
                    for (var i = b * BatchPoints; i < Math.Min(_points, (b + 1) * BatchPoints); i++)
                    {
                        var minute = startMinute + (i / seriesCount);
                        var s = (int)(i % seriesCount);
                        text.Append(CultureInfo.InvariantCulture, $"{keys[s].Canonical} {Field}={Value(s, minute)} {minute * Resolutions.MinuteNs}\n");
                    }

                    using var response = await _influxClient.PostAsync(
                        new Uri(_influxd.Address, "write?db=cockpit&precision=ns"), new StringContent(text.ToString()));
                    if (response.StatusCode != HttpStatusCode.NoContent)
                    {
                        throw new InvalidOperationException($"influxd answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
            })));
            _influxSeconds = clock.Elapsed.TotalSeconds;

            // Embedded: the dispatcher's batches, appended and committed as the store does on its own.
            foreach (var store in new[] { _embedded, _fileOnly })
            {
                clock.Restart();
                var batch = new MetricPoint[BatchPoints];
                for (long i = 0; i < _points; i += BatchPoints)
                {
                    var count = (int)Math.Min(BatchPoints, _points - i);
                    for (var j = 0; j < count; j++)
                    {
                        var minute = startMinute + ((i + j) / seriesCount);
                        var s = (int)((i + j) % seriesCount);
                        batch[j] = new MetricPoint(keys[s], Field, Value(s, minute), minute * Resolutions.MinuteNs, "bench");
                    }

                    store.Append(batch.AsSpan(0, count));
                }

                await store.FlushAsync(CancellationToken.None);
                if (store == _embedded)
                {
                    _embeddedSeconds = clock.Elapsed.TotalSeconds;
                }

                clock.Restart();
                store.Compact();
                if (store == _embedded)
                {
                    _compactSeconds = clock.Elapsed.TotalSeconds;
                }
            }
        }

        // The InfluxDB store's own statement and parser, so the bench asks influxd what Cockpit would.
        private async Task<Dictionary<string, List<(long Time, double Value)>>> InfluxAsync(string influxQl)
        {
            using var response = await _influxClient.GetAsync(new Uri(_influxd.Address, "query?db=cockpit&epoch=ns&q=" + Uri.EscapeDataString(influxQl)));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return InfluxQueryResponse.Parse(json)[0].ToDictionary(
                s => string.Join(",", s.Tags.Values),
                s => s.Rows.Select(r => (r[0].Integer, r[1].Number)).ToList(),
                StringComparer.Ordinal);
        }

        private static void Check(string name, Dictionary<string, List<(long Time, double Value)>> expected, QueryResult actual, string which)
        {
            var groups = actual.Series.ToDictionary(s => string.Join(",", s.Group.Values), s => s.Points, StringComparer.Ordinal);
            var same = groups.Count == expected.Count && expected.All(e =>
                groups.TryGetValue(e.Key, out var points) && points.Count == e.Value.Count &&
                points.Zip(e.Value).All(p => UnixTime.ToNanos(p.First.Time) == p.Second.Time && Math.Abs(p.First.Value - p.Second.Value) <= 1e-6 * Math.Max(1, Math.Abs(p.Second.Value))));
            if (!same)
            {
                throw new InvalidOperationException($"{name}: the embedded store ({which}) does not answer as influxd does.");
            }
        }

        private static async Task<double> Time<T>(int repeat, Func<Task<T>> query)
        {
            for (var i = 0; i < 3; i++)
            {
                await query();
            }

            var times = new List<double>();
            for (var i = 0; i < repeat; i++)
            {
                var clock = Stopwatch.StartNew();
                await query();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            return times[times.Count / 2];
        }

        private static string Ms(double ms) => ms >= 100 ? $"{ms:F0} ms" : ms >= 1 ? $"{ms:F1} ms" : $"{ms * 1000:F0} µs";
    }
}
