using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Tests.Testing;
using DuckDB.NET.Data;
using Xunit.Abstractions;

namespace Cockpit.Tests.Ingest.Log;

/// <summary>
/// The promise of a 204, tested the hard way: a real Cockpit process under full load from concurrent writers (with a
/// log small enough that it pushes back with 429) is killed with SIGKILL at a random moment, three times, each time
/// restarted on the same data folder. At the end every point answered 204 is stored exactly once, every point answered
/// 429 is absent, a write cut off by the kill is whole or absent, and both consumers of the log (store and detection)
/// have caught up with its end.
/// </summary>
public sealed class IngestLogKillTests(ITestOutputHelper output) : IDisposable
{
    private const string Secret = "durability-test-secret-0123456789";
    private const int LinesPerBatch = 1_000;
    private const int Writers = 8;
    private readonly TempDirectory _dir = new();

    // Yesterday on the real clock, as the processes' retention sees it: older points would be deleted between rounds.
    private readonly long _firstNs = (TimeProvider.System.GetUtcNow().AddDays(-1).ToUnixTimeSeconds() / 60 * 60) * 1_000_000_000L;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Kill9_UnderLoadThreeTimes_EveryAcknowledgedPointStoredOnceAndNoRefusedOne()
    {
        var outcomes = new ConcurrentDictionary<int, HttpStatusCode?>();
        var nextBatch = 0;
        var random = new Random(Environment.TickCount);
        for (var round = 0; round < 3; round++)
        {
            var port = FreeTcpPort.Next();
            using var cockpit = StartCockpit(port);
            using var client = Client(port);
            await WaitUpAsync(client);

            var killAt = TimeSpan.FromMilliseconds(1500 + random.Next(2000));
            using var stop = new CancellationTokenSource();
            var clock = Stopwatch.StartNew();
            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var batch = Interlocked.Increment(ref nextBatch);
                    outcomes[batch] = null;
                    try
                    {
                        using var response = await client.PostAsync("write?precision=ns", new StringContent(Batch(batch), Encoding.UTF8));
                        outcomes[batch] = response.StatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        // Cut off by the kill: the outcome stays unknown.
                        return;
                    }
                }
            })).ToArray();

            await Task.Delay(killAt);
            cockpit.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            await cockpit.WaitForExitAsync();
            output.WriteLine($"round {round}: killed after {clock.Elapsed.TotalSeconds:F2} s; {outcomes.Count(o => o.Value == HttpStatusCode.NoContent)} batches acknowledged, {outcomes.Count(o => o.Value == HttpStatusCode.TooManyRequests)} refused so far");
        }

        // A last start reads what the kills left in the log into the store and through detection.
        var lastPort = FreeTcpPort.Next();
        using (var cockpit = StartCockpit(lastPort))
        {
            using var client = Client(lastPort);
            await WaitUpAsync(client);
            var lags = await Eventually.Get(
                async () =>
                {
                    var health = await client.GetFromJsonAsync<JsonElement>("healthz");
                    var consumers = health.GetProperty("log").GetProperty("consumers").EnumerateArray()
                        .Select(c => (Name: c.GetProperty("name").GetString(), Lag: c.GetProperty("lagRecords").GetInt64())).ToList();
                    return consumers.Count == 2 && consumers.All(c => c.Lag == 0) ? consumers : null;
                },
                TimeSpan.FromSeconds(120),
                "the store and detection to catch up with the log");
            Assert.Equal(["detection", "store"], lags.Select(l => l.Name).Order(StringComparer.Ordinal));
            cockpit.Kill();
            await cockpit.WaitForExitAsync();
        }

        var stored = StoredBatches();
        var acknowledged = outcomes.Where(o => o.Value == HttpStatusCode.NoContent).Select(o => o.Key).ToList();
        var refused = outcomes.Where(o => o.Value == HttpStatusCode.TooManyRequests).Select(o => o.Key).ToList();
        var cut = outcomes.Where(o => o.Value is null).Select(o => o.Key).ToList();
        output.WriteLine(
            $"{acknowledged.Count} batches acknowledged ({acknowledged.Count * LinesPerBatch} points), {refused.Count} refused with 429, " +
            $"{cut.Count} cut off by a kill ({cut.Count(stored.ContainsKey)} of them stored whole); {stored.Count} batches stored");

        Assert.True(acknowledged.Count > 50, $"Only {acknowledged.Count} batches were acknowledged.");
        Assert.NotEmpty(refused);
        Assert.DoesNotContain(outcomes, o => o.Value is { } status && status != HttpStatusCode.NoContent && status != HttpStatusCode.TooManyRequests);
        Assert.All(acknowledged, b => Assert.True(stored.TryGetValue(b, out var count) && count == LinesPerBatch, $"Acknowledged batch {b}: {stored.GetValueOrDefault(b)} of {LinesPerBatch} points stored."));
        Assert.All(refused, b => Assert.False(stored.ContainsKey(b), $"Batch {b} was answered 429 but is stored."));
        Assert.All(cut.Where(stored.ContainsKey), b => Assert.Equal(LinesPerBatch, stored[b]));
        Assert.Empty(stored.Keys.Except(outcomes.Keys));
    }

    private static HttpClient Client(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", Secret);
        return client;
    }

    private static Task WaitUpAsync(HttpClient client) =>
        Eventually.Get(async () => await Ping(client) ? "up" : null, TimeSpan.FromSeconds(60), "Cockpit to answer /ping");

    private static async Task<bool> Ping(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync("ping");
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    // Every line a point of its own (series, field and time never repeat across batches); the value names the batch.
    private string Batch(int batch)
    {
        var text = new StringBuilder(LinesPerBatch * 48);
        var baseNs = _firstNs + ((long)batch * LinesPerBatch * 1_000_000L);
        for (var i = 0; i < LinesPerBatch; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"durability,writer=w{i % 10} batch={batch} {baseNs + (i * 1_000_000L)}\n");
        }

        return text.ToString();
    }

    private Dictionary<int, long> StoredBatches()
    {
        using var connection = new DuckDBConnection($"Data Source={Path.Combine(_dir.Path, "cockpit.duckdb")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CAST(value AS INTEGER), count(*) FROM samples GROUP BY ALL";
        using var reader = command.ExecuteReader();
        var batches = new Dictionary<int, long>();
        while (reader.Read())
        {
            batches[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return batches;
    }

    // The Cockpit.Web build next to the tests, as its own process, with production's defaults but a small log, so that
    // eight writers fill it and get 429s while the consumers commit once a second.
    private Process StartCockpit(int port) => CockpitWebProcess.Start(port, _dir.Path, "durability", Secret, new Dictionary<string, string>
    {
        ["Cockpit__Ingest__MaxFutureSkew"] = "3650.00:00:00",
        ["Cockpit__Log__MaxBytes"] = "524288",
        ["Cockpit__Log__SegmentBytes"] = "65536",
    });
}
