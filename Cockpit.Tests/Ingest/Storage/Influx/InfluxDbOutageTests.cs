using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Cockpit.Tests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Cockpit.Tests.Ingest.Storage.Influx;

/// <summary>
/// Cockpit on the InfluxDB store while its real influxd dies (SIGKILL) and comes back: ingest keeps answering, the
/// spool takes the points, and after the restart every point is in InfluxDB exactly once.
/// </summary>
public sealed class InfluxDbOutageTests(InfluxdFixture influxd, ITestOutputHelper output) : IClassFixture<InfluxdFixture>
{
    private const int Streams = 10;
    private const int LinesPerStreamPerPost = 20;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Outage_InfluxdKilledWhilePointsStream_EveryPointArrivesExactlyOnce()
    {
        var database = await influxd.CreateDatabaseAsync();
        var logs = new LogCapture();
        using var cockpit = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:Store:Kind", "InfluxDb")
            .With("Cockpit:Store:InfluxDb:Url", influxd.Server.Address.AbsoluteUri)
            .With("Cockpit:Store:InfluxDb:Database", database)
            .With("Cockpit:Store:InfluxDb:BatchInterval", "00:00:00.100")
            .With("Cockpit:Store:InfluxDb:MinRetryDelay", "00:00:00.100")
            .With("Cockpit:Store:InfluxDb:MaxRetryDelay", "00:00:01");
        using var app = cockpit.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Token", "cockpit-demo-ingest-token");
        var stream = new LineStream(client);
        var clock = Stopwatch.StartNew();

        using var stop = new CancellationTokenSource();
        var writing = Task.Run(() => stream.RunAsync(stop.Token));
        try
        {
            await WaitForHealth(client, h => Influx(h).GetProperty("linesWritten").GetInt64() >= 2_000, "points written before the outage", logs);

            await influxd.Server.StopAsync();
            var killedAt = clock.Elapsed;
            var postedAtKill = stream.Lines;

            // Ingest keeps answering 204 and the spool grows, as the health page shows, for a few seconds of outage.
            var outage = await WaitForHealth(
                client,
                h => !Influx(h).GetProperty("connected").GetBoolean() && Influx(h).GetProperty("spool").GetProperty("files").GetInt32() >= 20 &&
                    clock.Elapsed - killedAt >= TimeSpan.FromSeconds(3),
                "the spool to grow while influxd is down",
                logs);
            Assert.True(stream.Lines > postedAtKill);
            var spoolFilesSeen = Influx(outage).GetProperty("spool").GetProperty("files").GetInt32();

            await influxd.Server.StartAgainAsync();
            var restartedAt = clock.Elapsed;
            var postedAtRestart = stream.Lines;
            await WaitForHealth(client, h => Influx(h).GetProperty("connected").GetBoolean(), "the store to reconnect", logs);
            await stop.CancelAsync();
            await writing;
            Assert.Null(stream.Failure);

            var drained = await WaitForHealth(
                client,
                h => Influx(h).GetProperty("linesWritten").GetInt64() == stream.Lines && Influx(h).GetProperty("spool").GetProperty("files").GetInt32() == 0,
                "every posted line in InfluxDB",
                logs);
            var drainedAt = clock.Elapsed;

            var stored = await StoredPerStreamAsync(database);
            Assert.Equal(stream.Expected.OrderBy(e => e.Key), stored.OrderBy(s => s.Key));

            var influx = Influx(drained);
            var spool = influx.GetProperty("spool");
            Assert.Equal(0, influx.GetProperty("droppedLines").GetInt64());
            Assert.Equal(0, influx.GetProperty("rejectedLines").GetInt64());
            Assert.True(influx.GetProperty("retries").GetInt64() > 0);
            Assert.True(spool.GetProperty("linesSpooled").GetInt64() > 0);
            Assert.Equal(spool.GetProperty("linesSpooled").GetInt64(), spool.GetProperty("linesDrained").GetInt64());
            Assert.Contains("[1302]", logs.ToString(), StringComparison.Ordinal);
            Assert.Contains("[1303]", logs.ToString(), StringComparison.Ordinal);

            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"points posted {stream.Lines} ({stream.Posts} posts, slowest {stream.SlowestPost.TotalMilliseconds:0} ms); posted while influxd was down {postedAtRestart - postedAtKill}; " +
                $"spooled {spool.GetProperty("linesSpooled").GetInt64()} lines (≥ {spoolFilesSeen} files seen), drained {spool.GetProperty("linesDrained").GetInt64()}; " +
                $"retries {influx.GetProperty("retries").GetInt64()}; influxd down {(restartedAt - killedAt).TotalSeconds:0.0} s; " +
                $"drained {(drainedAt - restartedAt).TotalSeconds:0.0} s after the restart; total {clock.Elapsed.TotalSeconds:0.0} s"));
        }
        finally
        {
            await stop.CancelAsync();
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);

            // Leaves the class's server running for whoever needs it next (a no-op unless the test failed while it was down).
            if (!await PingsAsync())
            {
                await influxd.Server.StartAgainAsync();
            }
        }
    }

    private async Task<bool> PingsAsync()
    {
        using var client = influxd.Server.CreateClient();
        try
        {
            using var ping = await client.GetAsync("ping");
            return ping.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static JsonElement Influx(JsonElement health) => health.GetProperty("store").GetProperty("influxDb");

    private static async Task<JsonElement> WaitForHealth(HttpClient client, Func<JsonElement, bool> condition, string what, LogCapture logs)
    {
        JsonElement last = default;
        try
        {
            var health = await Eventually.Get<object>(
                async () =>
                {
                    last = JsonDocument.Parse(await client.GetStringAsync("/healthz")).RootElement;
                    return condition(last) ? last : null;
                },
                Deadline,
                what);
            return (JsonElement)health;
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\nLast /healthz: {last}\nLog:\n{logs}", ex);
        }
    }

    private async Task<Dictionary<string, (long Count, double Sum)>> StoredPerStreamAsync(string database)
    {
        var json = await influxd.Server.QueryAsync(database, "SELECT count(\"v\"), sum(\"v\") FROM \"outage\" GROUP BY \"stream\"");
        var result = new Dictionary<string, (long, double)>(StringComparer.Ordinal);
        foreach (var series in JsonDocument.Parse(json).RootElement.GetProperty("results")[0].GetProperty("series").EnumerateArray())
        {
            var row = series.GetProperty("values")[0];
            result[series.GetProperty("tags").GetProperty("stream").GetString()!] = (row[1].GetInt64(), row[2].GetDouble());
        }

        return result;
    }

    /// <summary>Posts line protocol to Cockpit's /write as fast as it answers, one new point per stream and millisecond.</summary>
    private sealed class LineStream(HttpClient client)
    {
        private readonly long _startNs = (DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds()) * 1_000_000;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lines;

        public Dictionary<string, (long Count, double Sum)> Expected { get; } = new(StringComparer.Ordinal);

        public long Lines => Interlocked.Read(ref _lines);

        public int Posts { get; private set; }

        public TimeSpan SlowestPost { get; private set; }

        public string? Failure { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var tick = 0L;
            while (!cancellationToken.IsCancellationRequested)
            {
                var body = new StringBuilder();
                var pending = new List<(string Stream, double Value)>();
                for (var i = 0; i < LinesPerStreamPerPost; i++, tick++)
                {
                    for (var s = 0; s < Streams; s++)
                    {
                        var value = (double)((tick * 7) + s) % 1000;
                        body.Append(CultureInfo.InvariantCulture, $"outage,stream=s{s} v={value} {_startNs + (tick * 1_000_000)}\n");
                        pending.Add(($"s{s}", value));
                    }
                }

                var started = _clock.Elapsed;
                using var response = await client.PostAsync("/write?db=cockpit", new StringContent(body.ToString()), CancellationToken.None);
                var took = _clock.Elapsed - started;
                SlowestPost = took > SlowestPost ? took : SlowestPost;
                Posts++;
                if (response.StatusCode != HttpStatusCode.NoContent)
                {
                    Failure = $"/write answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
                    return;
                }

                foreach (var (stream, value) in pending)
                {
                    var (count, sum) = Expected.GetValueOrDefault(stream);
                    Expected[stream] = (count + 1, sum + value);
                }

                Interlocked.Add(ref _lines, pending.Count);

                // The pace of a busy source, not a wait for a result.
                await Task.Delay(5, CancellationToken.None);
            }
        }
    }
}
