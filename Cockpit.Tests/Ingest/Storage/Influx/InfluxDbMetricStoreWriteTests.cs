using System.Text;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Time.Testing;
using Answer = Cockpit.Tests.Testing.ScriptedHttpServer.Answer;

namespace Cockpit.Tests.Ingest.Storage.Influx;

/// <summary>
/// How the InfluxDB store writes, against a real HTTP server answering from a script: what goes over the wire, which
/// answers are retried (with backoff, in virtual time) and which are not, and when batches leave.
/// </summary>
public sealed class InfluxDbMetricStoreWriteTests : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Points.Monday);
    private readonly LogCapture _logs = new();

    public InfluxDbMetricStoreWriteTests() => Status = new InfluxDbStoreStatus(_time);

    private InfluxDbStoreStatus Status { get; }

    public void Dispose() => _dir.Dispose();

    private InfluxDbMetricStore Open(Uri url, Action<InfluxDbStoreOptions>? configure = null) =>
        InfluxStores.Open(url, "cockpit", _dir.Path, _time, Status, o =>
        {
            o.MinRetryDelay = RetryDelay;
            o.MaxRetryDelay = RetryDelay;
            configure?.Invoke(o);
        }, logs: _logs);

    private static MetricPoint[] ThreePoints() =>
    [
        Points.Count("tianhe", 1, Points.Monday),
        Points.Count("tianhe", 2, Points.Monday.AddSeconds(1)),
        Points.Count("liwan", 3, Points.Monday),
    ];

    // Advances virtual time on every probe: the sender may start its backoff only after the test looked.
    private async Task AdvanceUntil(Func<bool> done, string what) =>
        await Eventually.Get(
            () =>
            {
                _time.Advance(RetryDelay);
                return Task.FromResult(done() ? what : null);
            },
            TimeSpan.FromSeconds(30),
            what + $" ({_logs})");

    private List<TimeSpan> RetryDelaysLogged() =>
    [
        .. _logs.ToString().Split('\n')
            .Where(line => line.Contains("[1304]", StringComparison.Ordinal))
            .Select(line => TimeSpan.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public async Task Write_Body_GzipLineProtocolAtNanosecondsWithFloatValues()
    {
        await using var server = new ScriptedHttpServer();
        await using var store = Open(server.Address, o => o.RetentionPolicy = "two weeks");

        // The first two are the fields of one ingested line (one series, one instant): they share a line again.
        var points = ThreePoints();
        store.Append([points[0], Points.At(Points.Complaints("tianhe"), "minutes", 7.25, Points.Monday), points[1], points[2]]);
        await store.FlushAsync(CancellationToken.None);

        var write = Assert.Single(server.Writes);
        Assert.Equal("POST", write.Method);
        Assert.Equal("gzip", write.Headers["Content-Encoding"]);
        Assert.Equal([0x1f, 0x8b], write.Body.Take(2));
        Assert.Equal("?db=cockpit&precision=ns&rp=two%20weeks", write.Query);
        var ns = UnixTime.ToNanos(Points.Monday);
        Assert.Equal(
            $"complaints,category=broadband,channel=hotline,region=tianhe count=1,minutes=7.25 {ns}\n" +
            $"complaints,category=broadband,channel=hotline,region=tianhe count=2 {ns + 1_000_000_000}\n" +
            $"complaints,category=broadband,channel=hotline,region=liwan count=3 {ns}\n",
            write.Text);
        Assert.False(write.Headers.ContainsKey("Authorization"));
        Assert.Equal((3L, 1L, 0L), (Status.LinesWritten, Status.BatchesWritten, Status.Retries));
        Assert.True(Status.Connected);
    }

    [Fact]
    public async Task Write_Token_SentAsTokenAuthorizationAndNeverLogged()
    {
        await using var server = new ScriptedHttpServer();
        await using (var store = Open(server.Address, o => o.Token = "s3cret-token-value"))
        {
            store.Append(ThreePoints());
            await store.FlushAsync(CancellationToken.None);
        }

        Assert.All(server.Requests, r => Assert.Equal("Token s3cret-token-value", r.Headers["Authorization"]));
        Assert.DoesNotContain("s3cret", _logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_UsernameAndPassword_SentAsBasicAuthenticationAndNeverLogged()
    {
        await using var server = new ScriptedHttpServer();
        await using (var store = Open(server.Address, o => (o.Username, o.Password) = ("cockpit", "pa:ss-word")))
        {
            store.Append(ThreePoints());
            await store.FlushAsync(CancellationToken.None);
        }

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("cockpit:pa:ss-word"));
        Assert.Equal(expected, Assert.Single(server.Writes).Headers["Authorization"]);
        Assert.DoesNotContain("pa:ss-word", _logs.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(408)]
    [InlineData(404)]
    [InlineData(401)]
    public async Task Write_RetryableAnswerThen204_SpooledRetriedAfterBackoffAndWrittenOnce(int status)
    {
        await using var server = new ScriptedHttpServer(Answer.Error(status, "try again later"));
        await using var store = Open(server.Address);

        store.Append(ThreePoints());
        await store.FlushAsync(CancellationToken.None);

        // The flush returned with the batch safe on disk, before any retry.
        Assert.Single(server.Writes);
        Assert.Equal((1L, 1, 0L, false), (Status.Retries, Status.SpoolFiles, Status.LinesWritten, Status.Connected));
        Assert.Contains("try again later", Status.LastError, StringComparison.Ordinal);

        await AdvanceUntil(() => Status.LinesWritten == 3, "the retry");

        Assert.Equal(2, server.Writes.Count);
        Assert.Equal(server.Writes[0].Text, server.Writes[1].Text);
        Assert.Equal((1L, 0, 3L, 3L, 0L), (Status.Retries, Status.SpoolFiles, Status.LinesSpooled, Status.LinesDrained, Status.RejectedLines));
        Assert.True(Status.Connected);
        Assert.Empty(Directory.GetFiles(store.SpoolPath));
    }

    [Fact]
    public async Task Write_FailuresInARow_BackoffGrowsUpToTheMaximum()
    {
        await using var server = new ScriptedHttpServer(Answer.Error(500, "a"), Answer.Error(500, "b"), Answer.Error(500, "c"));
        await using var store = Open(server.Address, o => (o.MinRetryDelay, o.MaxRetryDelay) = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)));
        store.Append(ThreePoints());
        await store.FlushAsync(CancellationToken.None);

        await Eventually.Get(
            () =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
                return Task.FromResult(server.Writes.Count == 4 ? "sent" : null);
            },
            TimeSpan.FromSeconds(30),
            "the fourth attempt");

        // Equal jitter: the n-th wait lies in [ceiling/2, ceiling], the ceiling doubling from 1 s up to 4 s.
        var waits = RetryDelaysLogged();
        Assert.Equal(3, waits.Count);
        Assert.InRange(waits[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(waits[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(waits[2], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        Assert.Equal(3, Status.Retries);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(413)]
    [InlineData(422)]
    public async Task Write_BadDataAnswer_NotRetriedButCountedAndLogged(int status)
    {
        await using var server = new ScriptedHttpServer(Answer.Error(status, "unable to parse 'x': bad timestamp"));
        await using var store = Open(server.Address);

        store.Append(ThreePoints());
        await store.FlushAsync(CancellationToken.None);
        store.Append([Points.Count("haizhu", 4, Points.Monday)]);
        await store.FlushAsync(CancellationToken.None);

        Assert.Equal(2, server.Writes.Count);
        Assert.Contains("haizhu", server.Writes[1].Text, StringComparison.Ordinal);
        Assert.Equal((3L, 1L, 0L, 1L, 0L), (Status.RejectedLines, Status.RejectedBatches, Status.Retries, Status.LinesWritten, Status.LinesSpooled));
        Assert.True(Status.Connected);
        Assert.Contains("bad timestamp", Status.LastError, StringComparison.Ordinal);
        Assert.Contains("Error ", _logs.ToString(), StringComparison.Ordinal);
        Assert.Contains("[1305]", _logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_PartialWrite_DroppedLinesRejectedTheOthersWritten()
    {
        await using var server = new ScriptedHttpServer(Answer.Error(
            400, "partial write: field type conflict: input field \\\"count\\\" on measurement \\\"complaints\\\" is type integer, already exists as type float dropped=1"));
        await using var store = Open(server.Address);

        store.Append(ThreePoints());
        await store.FlushAsync(CancellationToken.None);

        Assert.Single(server.Writes);
        Assert.Equal((2L, 1L, 1L, 0L), (Status.LinesWritten, Status.RejectedLines, Status.RejectedBatches, Status.Retries));
    }

    [Fact]
    public async Task Write_RetryAfter_WaitsAsLongAsAskedUpToTheMaximum()
    {
        await using var server = new ScriptedHttpServer(new Answer(429, RetryAfterSeconds: 3));
        await using var store = Open(server.Address, o => o.MaxRetryDelay = TimeSpan.FromSeconds(10));
        store.Append(ThreePoints());
        await store.FlushAsync(CancellationToken.None);

        var start = _time.GetUtcNow();
        await Eventually.Get(
            () =>
            {
                _time.Advance(TimeSpan.FromMilliseconds(250));
                return Task.FromResult(server.Writes.Count == 2 ? "retried" : null);
            },
            TimeSpan.FromSeconds(30),
            "the retry");

        Assert.True(_time.GetUtcNow() - start >= TimeSpan.FromSeconds(3));
        Assert.Equal([TimeSpan.FromSeconds(3)], RetryDelaysLogged());
    }

    [Fact]
    public async Task Flush_ServerNeverAnswers_ReturnsAfterTheRequestTimeoutWithThePointsSpooled()
    {
        await using var server = new ScriptedHttpServer(new Answer(0, Hang: true));
        await using var store = Open(server.Address, o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));

        store.Append(ThreePoints());
        await store.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((1, 3L, 1L), (Status.SpoolFiles, Status.LinesSpooled, Status.Retries));
        Assert.Contains("no answer within", Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flush_NothingListening_ReturnsWithThePointsSpooled()
    {
        await using var store = Open(new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/"));

        store.Append(ThreePoints());
        await store.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((1, 3L, false), (Status.SpoolFiles, Status.LinesSpooled, Status.Connected));
        Assert.Contains("[1302]", _logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_BatchLinesReached_SentAtOnceWithoutWaitingForTheInterval()
    {
        await using var server = new ScriptedHttpServer();
        await using var store = Open(server.Address, o => o.BatchLines = 10);

        store.Append([.. Enumerable.Range(0, 25).Select(i => Points.Count("tianhe", i, Points.Monday.AddSeconds(i)))]);

        var writes = await Eventually.Get(
            () => Task.FromResult(server.Writes.Count >= 2 ? server.Writes : null), TimeSpan.FromSeconds(30), "two full batches");
        Assert.All(writes, w => Assert.Equal(10, w.Text.Count(c => c == '\n')));
        await store.FlushAsync(CancellationToken.None);
        Assert.Equal(5, server.Writes[2].Text.Count(c => c == '\n'));
        Assert.Equal(25, Status.LinesWritten);
    }

    [Fact]
    public async Task Append_FewPoints_SentOnceTheBatchIntervalPasses()
    {
        await using var server = new ScriptedHttpServer();
        await using var store = Open(server.Address, o => o.BatchInterval = TimeSpan.FromSeconds(1));

        store.Append(ThreePoints());
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(server.Writes);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        var write = await Eventually.Get(
            () => Task.FromResult(server.Writes.FirstOrDefault()), TimeSpan.FromSeconds(30), "the batch of the interval");
        Assert.Equal(3, write.Text.Count(c => c == '\n'));
    }

    [Fact]
    public async Task Dispose_InfluxDbDown_PendingPointsLeftInTheSpoolForTheNextStart()
    {
        var url = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        await using (var store = Open(url, o => o.FlushTimeout = TimeSpan.FromSeconds(1)))
        {
            store.Append(ThreePoints());
        }

        Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, InfluxDbSpool.FolderName), "*.lp"));
        Assert.Contains("[1311]", _logs.ToString(), StringComparison.Ordinal);
    }
}
