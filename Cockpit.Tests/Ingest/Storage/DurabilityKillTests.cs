using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Cockpit.Tests.Testing;
using DuckDB.NET.Data;
using Xunit.Abstractions;

namespace Cockpit.Tests.Ingest.Storage;

/// <summary>
/// The README's durability window, measured the hard way: a real Cockpit process takes writes over HTTP and is
/// killed with SIGKILL mid-stream; the DuckDB file it leaves must hold every batch acknowledged more than a second
/// before the kill, and every batch it holds must be whole.
/// </summary>
public sealed class DurabilityKillTests(ITestOutputHelper output) : IDisposable
{
    private const string Secret = "durability-test-secret-0123456789";
    private const int LinesPerBatch = 500;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Kill9_WhileWriting_EveryBatchAcknowledgedASecondBeforeTheKillIsOnDisk()
    {
        var port = FreeTcpPort.Next();
        using var cockpit = StartCockpit(port);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", Secret);
        await Eventually.Get(async () => await Ping(client) ? "up" : null, TimeSpan.FromSeconds(60), "Cockpit to answer /ping");

        // Batches go out back to back; each acknowledgement's time is kept. The kill comes at a random-ish moment
        // after a few seconds, while a request is in flight.
        var acknowledged = new List<(int Batch, long AckTicks)>();
        var clock = Stopwatch.StartNew();
        var killAt = TimeSpan.FromSeconds(3) + TimeSpan.FromMilliseconds(Environment.TickCount % 500);
        long killTicks = 0;
        var batch = 0;
        while (killTicks == 0)
        {
            var write = client.PostAsync("write?precision=ns", new StringContent(Batch(batch), Encoding.UTF8));
            if (clock.Elapsed >= killAt)
            {
                cockpit.Kill();
                killTicks = clock.ElapsedTicks;
            }

            try
            {
                using var response = await write;
                if (response.StatusCode == HttpStatusCode.NoContent && killTicks == 0)
                {
                    acknowledged.Add((batch, clock.ElapsedTicks));
                }
            }
            catch (HttpRequestException)
            {
                // The request the kill cut off.
            }

            batch++;
        }

        await cockpit.WaitForExitAsync();
        var stored = StoredBatches();

        var window = Stopwatch.Frequency; // one second in stopwatch ticks
        var lost = acknowledged.Where(a => !stored.ContainsKey(a.Batch)).ToList();
        var newestLostAge = lost.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((killTicks - lost.Min(l => l.AckTicks)) / (double)window);
        output.WriteLine(
            $"acknowledged {acknowledged.Count} batches ({acknowledged.Count * LinesPerBatch} points) in {TimeSpan.FromSeconds(killTicks / (double)window).TotalSeconds:F2} s; " +
            $"on disk {stored.Count}; acknowledged but lost {lost.Count}, the oldest of them acknowledged {newestLostAge.TotalMilliseconds:F0} ms before the kill");

        Assert.True(acknowledged.Count > 20, $"Only {acknowledged.Count} batches were written before the kill.");
        Assert.All(acknowledged.Where(a => killTicks - a.AckTicks > window), a => Assert.True(stored.ContainsKey(a.Batch), $"Batch {a.Batch}, acknowledged more than 1 s before the kill, is not on disk."));
        Assert.All(stored, s => Assert.Equal(LinesPerBatch, s.Value));
    }

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

    private static string Batch(int batch)
    {
        var text = new StringBuilder();
        var baseNs = 1_795_000_000_000_000_000L + ((long)batch * LinesPerBatch * 1_000_000_000L);
        for (var i = 0; i < LinesPerBatch; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"durability,writer=w{i % 10} batch={batch} {baseNs + (i * 1_000_000_000L)}\n");
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

    // The Cockpit.Web build that sits next to the tests, as its own process, with the defaults of production.
    private Process StartCockpit(int port) => CockpitWebProcess.Start(port, _dir.Path, "durability", Secret, new Dictionary<string, string>
    {
        ["Cockpit__Ingest__MaxFutureSkew"] = "3650.00:00:00",
    });
}
