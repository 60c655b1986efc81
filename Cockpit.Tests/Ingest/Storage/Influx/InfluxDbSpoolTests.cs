using Cockpit.Ingest.Storage.Influx;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Time.Testing;
using Answer = Cockpit.Tests.Testing.ScriptedHttpServer.Answer;

namespace Cockpit.Tests.Ingest.Storage.Influx;

/// <summary>
/// The InfluxDB store's on-disk spool, through the store: batches wait there while InfluxDB is down, survive a restart
/// of the store, drain in order, and past the bound the oldest are dropped — counted and logged.
/// </summary>
public sealed class InfluxDbSpoolTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Points.Monday);
    private readonly LogCapture _logs = new();

    public void Dispose() => _dir.Dispose();

    private string SpoolPath => Path.Combine(_dir.Path, InfluxDbSpool.FolderName);

    private InfluxDbMetricStore Open(Uri url, InfluxDbStoreStatus status, Action<InfluxDbStoreOptions>? configure = null) =>
        InfluxStores.Open(url, "cockpit", _dir.Path, _time, status, o =>
        {
            o.MinRetryDelay = TimeSpan.FromMinutes(10);
            o.MaxRetryDelay = TimeSpan.FromMinutes(10);
            configure?.Invoke(o);
        }, logs: _logs);

    // One flush per batch while InfluxDB refuses every write: each batch becomes one spool file.
    private async Task SpoolBatchesAsync(InfluxDbMetricStore store, int batches)
    {
        for (var i = 0; i < batches; i++)
        {
            store.Append([Points.Count("tianhe", i, Points.Monday.AddMinutes(i))]);
            await store.FlushAsync(CancellationToken.None);
        }
    }

    private static string Value(ScriptedHttpServer.RecordedRequest write) => write.Text.Split(' ')[1];

    [Fact]
    public async Task Spool_StoreRestarted_OldBatchesSentFirstInOrderThenNewOnes()
    {
        await using (var down = new ScriptedHttpServer { Default = Answer.Error(503, "starting") })
        {
            await using var store = Open(down.Address, new InfluxDbStoreStatus(_time));
            await SpoolBatchesAsync(store, 4);
        }

        Assert.Equal(4, Directory.GetFiles(SpoolPath, "*.lp").Length);
        await using var up = new ScriptedHttpServer();
        var status = new InfluxDbStoreStatus(_time);
        await using (var reopened = Open(up.Address, status))
        {
            reopened.Append([Points.Count("liwan", 99, Points.Monday)]);
            await reopened.FlushAsync(CancellationToken.None);
        }

        Assert.Equal(["count=0", "count=1", "count=2", "count=3", "count=99"], up.Writes.Select(Value));
        Assert.Equal((5L, 4L, 0), (status.LinesWritten, status.LinesDrained, status.SpoolFiles));
        Assert.Empty(Directory.GetFiles(SpoolPath));
        Assert.Contains("[1301]", _logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spool_OverItsByteBound_OldestDroppedCountedAndLoggedAsError()
    {
        var status = new InfluxDbStoreStatus(_time);
        await using (var down = new ScriptedHttpServer { Default = Answer.Error(500, "down") })
        {
            // Each one-line batch is 80-odd bytes: room for three.
            await using var store = Open(down.Address, status, o => o.SpoolMaxBytes = 270);
            await SpoolBatchesAsync(store, 6);
        }

        Assert.Equal((3, 3L, 3L, 6L), (status.SpoolFiles, status.DroppedLines, status.DroppedBatches, status.LinesSpooled));
        Assert.InRange(status.SpoolBytes, 1, 270);
        Assert.Contains("Error Cockpit.Ingest.Storage.Influx.InfluxDbMetricStore[1306]", _logs.ToString(), StringComparison.Ordinal);
        Assert.Contains("dropped", status.LastError, StringComparison.Ordinal);

        await using var up = new ScriptedHttpServer();
        await using (var reopened = Open(up.Address, new InfluxDbStoreStatus(_time), o => o.SpoolMaxBytes = 270))
        {
            await reopened.FlushAsync(CancellationToken.None);
        }

        Assert.Equal(["count=3", "count=4", "count=5"], up.Writes.Select(Value));
    }

    [Fact]
    public async Task Spool_BatchesOlderThanTheAgeBound_Dropped()
    {
        var status = new InfluxDbStoreStatus(_time);
        await using var down = new ScriptedHttpServer { Default = Answer.Error(500, "down") };
        await using var store = Open(down.Address, status, o => (o.SpoolMaxAge, o.MaxRetryDelay, o.MinRetryDelay) =
            (TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));
        await SpoolBatchesAsync(store, 2);
        Assert.Equal(2, status.SpoolFiles);

        await Eventually.Get(
            () =>
            {
                _time.Advance(TimeSpan.FromMinutes(1));
                return Task.FromResult(status.SpoolFiles == 0 ? "expired" : null);
            },
            TimeSpan.FromSeconds(30),
            "the spool to expire");

        Assert.Equal(2L, status.DroppedLines);
        Assert.Contains("older than 00:05:00", _logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spool_MemoryQueueFull_BatchesSpilledToDiskAndStillSentInOrder()
    {
        // The server holds the first write until the test lets it go, so batches pile up behind it.
        await using var server = new ScriptedHttpServer(new Answer(0, Hang: true));
        var status = new InfluxDbStoreStatus(_time);
        await using var store = Open(server.Address, status, o =>
        {
            o.BatchLines = 1;
            o.BatchInterval = TimeSpan.FromMilliseconds(10);
            o.MaxQueuedBatches = 2;
            o.RequestTimeout = TimeSpan.FromSeconds(2);
            o.MinRetryDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(10);

            // A full queue first waits this long for room (the log upstream is durable), then spills.
            o.FlushTimeout = TimeSpan.FromMilliseconds(100);
        });

        store.Append([.. Enumerable.Range(0, 6).Select(i => Points.Count("tianhe", i, Points.Monday.AddMinutes(i)))]);
        // Five batches sealed at once (the sixth is still open): two fit the queue, the others went to disk.
        await Eventually.Get(
            () => Task.FromResult(status.SpoolFiles >= 2 && status.QueuedBatches + status.SpoolFiles <= 5 ? "spilled" : null),
            TimeSpan.FromSeconds(30),
            "batches beyond the queue on disk");
        Assert.Contains("[1308]", _logs.ToString(), StringComparison.Ordinal);

        // The held write times out and is retried; then everything drains, oldest first.
        await Eventually.Get(
            () =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(10));
                return Task.FromResult(status.LinesWritten == 6 ? "drained" : null);
            },
            TimeSpan.FromSeconds(30),
            "the drain");

        var values = server.Writes.Skip(1).Select(Value).ToList();
        Assert.Equal(["count=0", "count=1", "count=2", "count=3", "count=4", "count=5"], values);
        Assert.Equal(0L, status.DroppedLines);
    }

    [Fact]
    public async Task Spool_HalfWrittenFileFromACrash_DeletedOnOpen()
    {
        Directory.CreateDirectory(SpoolPath);
        var leftover = Path.Combine(SpoolPath, "0000000000000000001-0-1.lp.tmp");
        await File.WriteAllTextAsync(leftover, "complaints count=1");
        await using var server = new ScriptedHttpServer();

        await using (Open(server.Address, new InfluxDbStoreStatus(_time)))
        {
        }

        Assert.False(File.Exists(leftover));
        Assert.Empty(server.Writes);
    }
}
