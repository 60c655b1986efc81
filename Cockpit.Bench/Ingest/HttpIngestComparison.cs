using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cockpit.Bench.Infrastructure;
using Cockpit.Tests.Testing;

namespace Cockpit.Bench.Ingest;

/// <summary>
/// HTTP ingest end to end, Cockpit against Debian's influxd on the same machine in the same run:
/// the same client (N keep-alive connections posting 5 000-line bodies of 2 fields, new points in time order)
/// writes to each server in turn, started fresh each round. Cockpit runs as its own process with detection on;
/// its figure counts a line only once the store and detection have read the log behind /write to its end.
/// <c>dotnet run -c Release --project Cockpit.Bench -- ingest-http [--seconds 15] [--connections 4] [--rounds 2]</c>
/// </summary>
internal static class HttpIngestComparison
{
    private const int LinesPerBody = 5_000;
    private const int SeriesCount = 1_000;
    private const string Token = "bench-token-0123456789abcdef";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 15);
        var connections = Option(args, "--connections", 4);
        var rounds = Option(args, "--rounds", 2);
        var cockpitDll = CockpitProcess.FindRelease();
        Console.WriteLine($"HTTP ingest: {LinesPerBody} lines x 2 fields per request, {SeriesCount} series, {connections} connections, {seconds} s per run, {rounds} rounds");
        Console.WriteLine($"influxd: {InfluxdServer.Binary}; Cockpit: {cockpitDll}");

        var results = new List<(int Round, string Target, RunResult Result)>();
        for (var round = 1; round <= rounds; round++)
        {
            await using (var influxd = await InfluxdServer.StartAsync())
            {
                var result = await Load(new Uri(influxd.Address, "write?db=cockpit"), null, seconds, connections, drain: null);
                results.Add((round, "influxd", result));
                Print(round, "influxd", result);
            }

            await using (var cockpit = await CockpitProcess.StartAsync(cockpitDll, Token))
            {
                var result = await Load(new Uri(cockpit.Address, "write?db=cockpit"), Token, seconds, connections, cockpit.WaitUntilDrainedAsync);
                results.Add((round, "cockpit", result));
                Print(round, "cockpit", result);
                Console.WriteLine($"  cockpit stored {await cockpit.StoredPointsAsync():N0} points for {(result.Lines + result.WarmupLines) * 2:N0} accepted ({result.WarmupLines * 2:N0} of them in the warm-up); peak log lag {cockpit.PeakLag:N0} records ({cockpit.PeakLagBy})");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| round | influxd lines/s | Cockpit lines/s (end to end) | ratio |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        var ratios = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var influx = results.Single(r => r.Round == round && r.Target == "influxd").Result;
            var cockpit = results.Single(r => r.Round == round && r.Target == "cockpit").Result;
            var ratio = cockpit.EndToEndLinesPerSecond / influx.EndToEndLinesPerSecond;
            ratios.Add(ratio);
            Console.WriteLine($"| {round} | {influx.EndToEndLinesPerSecond:N0} | {cockpit.EndToEndLinesPerSecond:N0} | {ratio:0.00}x |");
        }

        ratios.Sort();
        Console.WriteLine($"median ratio Cockpit/influxd: {ratios[ratios.Count / 2]:0.00}x");
        return 0;
    }

    private static void Print(int round, string target, RunResult r) =>
        Console.WriteLine($"round {round} {target,-8} accepted {r.Lines:N0} lines in {r.SendSeconds:0.0} s (+{r.DrainSeconds:0.00} s drain): {r.EndToEndLinesPerSecond:N0} lines/s; 429s: {r.Throttled}, errors: {r.Errors}; /write latency p50 {r.P50Ms:0.0} ms, p99 {r.P99Ms:0.0} ms");

    private static async Task<RunResult> Load(Uri url, string? token, int seconds, int connections, Func<Task>? drain)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        var template = new BodyTemplate(LinesPerBody, SeriesCount);
        var sequence = -1L;
        var warmup = new Counters();
        await RunFor(TimeSpan.FromSeconds(3), connections, client, url, template, () => Interlocked.Increment(ref sequence), warmup);
        if (drain is not null)
        {
            await drain();
        }

        var counters = new Counters();
        var watch = Stopwatch.StartNew();
        await RunFor(TimeSpan.FromSeconds(seconds), connections, client, url, template, () => Interlocked.Increment(ref sequence), counters);
        var send = watch.Elapsed.TotalSeconds;
        if (drain is not null)
        {
            await drain();
        }

        var total = watch.Elapsed.TotalSeconds;
        var latencies = counters.Latencies.Order().ToArray();
        return new RunResult(counters.Lines, send, total - send, counters.Lines / total, counters.Throttled, counters.Errors, warmup.Lines, Percentile(latencies, 0.5), Percentile(latencies, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];

    private static async Task RunFor(TimeSpan duration, int connections, HttpClient client, Uri url, BodyTemplate template, Func<long> next, Counters counters)
    {
        var until = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var body = template.NewBuffer();
            while (until.Elapsed < duration)
            {
                template.Fill(body, next());
                while (true)
                {
                    using var content = new ByteArrayContent(body);
                    var sent = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsync(url, content);
                    if (response.StatusCode == HttpStatusCode.NoContent)
                    {
                        counters.Latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                        Interlocked.Add(ref counters.Lines, LinesPerBody);
                        break;
                    }

                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        // A well-behaved client: back off briefly and send the same body again.
                        Interlocked.Increment(ref counters.Throttled);
                        await Task.Delay(20);
                        continue;
                    }

                    Interlocked.Increment(ref counters.Errors);
                    Console.Error.WriteLine($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    break;
                }
            }
        }));
        await Task.WhenAll(workers);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class Counters
    {
        public long Lines;
        public long Throttled;
        public long Errors;
        public System.Collections.Concurrent.ConcurrentBag<double> Latencies = [];
    }

    private sealed record RunResult(
        long Lines, double SendSeconds, double DrainSeconds, double EndToEndLinesPerSecond, long Throttled, long Errors, long WarmupLines, double P50Ms, double P99Ms);

    /// <summary>
    /// One 5 000-line body whose timestamps are rewritten in place for each request (fixed-width digits), so every
    /// request carries new points in time order without the client spending its CPU on formatting.
    /// </summary>
    private sealed class BodyTemplate
    {
        private const long StepNs = 1_000_000_000;
        private readonly byte[] _template;
        private readonly int[] _timestampOffsets;
        private readonly int _stepsPerBody;
        private readonly long _startNs = 1_790_000_000_000_000_000;

        public BodyTemplate(int lines, int series)
        {
            var text = BenchPayloads.BusinessLines(lines, 0, series);
            _template = Encoding.UTF8.GetBytes(text);
            _stepsPerBody = lines / series;
            _timestampOffsets = new int[lines];
            var line = 0;
            for (var i = 0; i < _template.Length; i++)
            {
                if (_template[i] == '\n')
                {
                    _timestampOffsets[line++] = i - 19;
                }
            }
        }

        public byte[] NewBuffer() => (byte[])_template.Clone();

        public void Fill(byte[] body, long sequence)
        {
            for (var line = 0; line < _timestampOffsets.Length; line++)
            {
                var ts = _startNs + (((sequence * _stepsPerBody) + (line / SeriesCount)) * StepNs);
                var offset = _timestampOffsets[line];
                for (var d = 18; d >= 0; d--)
                {
                    body[offset + d] = (byte)('0' + (ts % 10));
                    ts /= 10;
                }
            }
        }
    }
}
