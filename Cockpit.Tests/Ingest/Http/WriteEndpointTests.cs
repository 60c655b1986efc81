using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Http;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Ingest.Http;

public sealed class WriteEndpointTests : IDisposable
{
    private const string Secret = "telegraf-secret-0123456789";
    private readonly CockpitWebFactory _factory = new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .With("Cockpit:Ingest:Tokens:0:Name", "telegraf")
        .With("Cockpit:Ingest:Tokens:0:Secret", Secret);

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task Ping_AnyClient_Answers204WithTheInfluxVersion(string method)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/ping"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.8.10", response.Headers.GetValues("X-Influxdb-Version").Single());
    }

    [Fact]
    public async Task Write_NoToken_Is401WithAJsonError()
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/write?db=cockpit", Body("cpu value=1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("authorization failed: no token", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Bus().Accepted);
    }

    [Fact]
    public async Task Write_WrongToken_Is401()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "not-the-secret-at-all");

        using var response = await client.PostAsync("/api/v2/write?bucket=cockpit", Body("cpu value=1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("basic")]
    [InlineData("query")]
    public async Task Write_EachWayOfSendingTheToken_Is204AndRecordsTheTokenNameAsSource(string how)
    {
        var points = Collect();
        using var client = _factory.CreateClient();
        var url = "/write?db=cockpit&precision=s";
        switch (how)
        {
            case "token":
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Secret);
                break;
            case "basic":
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + Secret)));
                break;
            default:
                url += "&u=anyone&p=" + Secret;
                break;
        }

        using var response = await client.PostAsync(url, Body("complaints,region=tianhe,channel=hotline count=3i 1795392000"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var point = await Single(points);
        Assert.Equal("telegraf", point.Source);
        Assert.Equal(1795392000_000_000_000, point.TimestampNs);
        Assert.Equal(3, point.Value);
    }

    [Fact]
    public async Task Write_GzipBody_IsDecompressed()
    {
        var points = Collect();
        using var client = Authorized();
        var content = new ByteArrayContent(Gzip("cpu,host=a value=1\ncpu,host=b value=2\n"));
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/write?db=cockpit", content);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AtLeast(points, 2);
    }

    [Fact]
    public async Task Write_BadGzip_Is400()
    {
        using var client = Authorized();
        var content = new ByteArrayContent("not gzip at all"u8.ToArray());
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/write?db=cockpit", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Write_MorePointsThanOneLogRecordHolds_Is413NotA429ForEver()
    {
        _factory.With("Cockpit:Log:MaxBytes", "65536").With("Cockpit:Log:SegmentBytes", "16384");
        using var client = Authorized();
        var body = string.Concat(Enumerable.Range(0, 5000).Select(i => $"big,host=h{i % 50} value={i} {i + 1}\n"));

        using var response = await client.PostAsync("/write?db=cockpit", Body(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Cockpit:Log:SegmentBytes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Bus().Accepted);
        using var small = await client.PostAsync("/write?db=cockpit", Body("big,host=h1 value=1 1\n"));
        Assert.Equal(HttpStatusCode.NoContent, small.StatusCode);
    }

    [Fact]
    public async Task Write_GzipBodyCutOffMidStream_Is400AndNothingStored()
    {
        using var client = Authorized();
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(i => $"cutoff,host=h{i % 9} value={i} {1_795_000_000_000_000_000L + i}\n"));
        var whole = Gzip(lines);
        var content = new ByteArrayContent(whole[..(whole.Length * 2 / 3)]);
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/write?db=cockpit", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cut off", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Bus().Accepted);
    }

    [Fact]
    public async Task Ingest_JsonWithInvalidUtf8_Is400NamingTheLineAndStoresTheGoodOnes()
    {
        var points = Collect();
        using var client = Authorized();
        var good = "{\"measurement\":\"cpu\",\"tags\":{\"host\":\"a\"},\"fields\":{\"v\":1}}\n"u8.ToArray();
        byte[] bad = [.. "{\"measurement\":\"cpu\",\"tags\":{\"host\":\""u8, 0xC3, 0x28, .. "\"},\"fields\":{\"v\":2}}\n"u8];

        using var response = await client.PostAsync("/api/ingest", new ByteArrayContent([.. good, .. bad, .. good]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line 2: invalid UTF-8", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        await AtLeast(points, 2);
    }

    [Fact]
    public async Task Write_SomeBadLines_Is400NamingTheFirstAndStoresTheGoodOnes()
    {
        var points = Collect();
        using var client = Authorized();

        using var response = await client.PostAsync("/write?db=cockpit", Body("cpu,host=a value=1\ncpu,host=b value=x\ncpu,host=c value=3\ncpu,host=d\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            "partial write: line 2: invalid number 'x' for field 'value' (2 of 4 lines rejected; the other 2 were stored)",
            error.GetProperty("error").GetString());
        Assert.Equal(2, error.GetProperty("line").GetInt32());
        Assert.Equal(2, error.GetProperty("rejected").GetInt32());
        await AtLeast(points, 2);
        Assert.Equal(["cpu,host=a", "cpu,host=c"], points.Select(p => p.Series.Canonical).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Write_GoodBadAndUnauthorized_CountedWithTheLastWriteAndTheLastErrorInHealthz()
    {
        var handler = _factory.Services.GetRequiredService<IngestHttpHandler>();
        Assert.Null(handler.LastWriteAt);
        using var client = Authorized();
        using var anonymous = _factory.CreateClient();
        var before = _factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        (await client.PostAsync("/write?db=cockpit", Body("cpu,host=a value=1,load=2\n"))).Dispose();
        (await client.PostAsync("/write?db=cockpit", Body("cpu,host=b value=3\ncpu,host=c value=x\n"))).Dispose();
        Assert.StartsWith("telegraf: 400 partial write: line 2:", handler.LastError, StringComparison.Ordinal);
        (await anonymous.PostAsync("/write?db=cockpit", Body("cpu value=1\n"))).Dispose();

        Assert.Equal(2, handler.LinesAccepted);
        Assert.Equal(3, handler.PointsAccepted);
        Assert.Equal(1, handler.LinesRejected);
        Assert.InRange(handler.LastWriteAt!.Value, before, _factory.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.Matches("^[^ ]+: 401 authorization failed: no token", handler.LastError);
        using var health = await anonymous.GetAsync("/healthz");
        var http = (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ingest").GetProperty("http");
        Assert.Equal(3, http.GetProperty("pointsAccepted").GetInt64());
        Assert.Equal(1, http.GetProperty("linesRejected").GetInt64());
        Assert.Equal(handler.LastError, http.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.String, http.GetProperty("lastWriteAt").ValueKind);
    }

    [Theory]
    [InlineData("/write?db=cockpit&precision=x", "n, ns, u, us, µ, ms, s, m or h")]
    [InlineData("/api/v2/write?bucket=cockpit&precision=h", "ns, us, ms or s")]
    public async Task Write_UnknownPrecision_Is400(string url, string accepted)
    {
        using var client = Authorized();

        using var response = await client.PostAsync(url, Body("cpu value=1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(accepted, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_BodyOverTheLimit_Is413AndStoresNothing()
    {
        _factory.With("Cockpit:Ingest:MaxBodyBytes", "2048");
        using var client = Authorized();
        var big = string.Concat(Enumerable.Range(0, 200).Select(i => $"cpu,host=h{i} value={i}\n"));

        using var plain = await client.PostAsync("/write?db=cockpit", Body(big));
        var bomb = new ByteArrayContent(Gzip(new string('#', 1_000_000)));
        bomb.Headers.ContentEncoding.Add("gzip");
        using var compressed = await client.PostAsync("/write?db=cockpit", bomb);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);
        Assert.Contains("Cockpit:Ingest:MaxBodyBytes", (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, compressed.StatusCode);
        Assert.Equal(0, Bus().Accepted);
    }

    [Fact]
    public async Task Write_QueueFull_Is429WithRetryAfterAndLosesNothingAccepted()
    {
        // A log of two small segments: while detection's feed is held, nothing can be deleted and it fills up.
        _factory.With("Cockpit:Log:MaxBytes", "16384").With("Cockpit:Log:SegmentBytes", "8192");
        using var client = Authorized();
        var bus = Bus();
        var delivered = 0;
        using var gate = new ManualResetEventSlim(false);
        // A subscriber that blocks holds the detection feed, so the log fills up as it would behind a slow consumer.
        using var hold = bus.Points.Subscribe(_ =>
        {
            gate.Wait();
            Interlocked.Increment(ref delivered);
        });
        var body = string.Concat(Enumerable.Range(0, 400).Select(i => $"cpu,host=h{i % 7} value={i} {i + 1}\n"));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5 && refused is null; i++)
        {
            var response = await client.PostAsync("/write?db=cockpit", Body(body));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal("1", refused.Headers.RetryAfter!.ToString());
        Assert.Contains("retry after 1 s", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        var accepted = statuses.Count(s => s == HttpStatusCode.NoContent);
        Assert.True(accepted >= 2, $"statuses: {string.Join(", ", statuses)}");

        gate.Set();
        await Eventually.Get(() => Task.FromResult(Volatile.Read(ref delivered) >= accepted * 400 ? "done" : null), TimeSpan.FromSeconds(20), "every accepted point to be dispatched");
        Assert.Equal(accepted * 400, Volatile.Read(ref delivered));
        refused.Dispose();
    }

    [Fact]
    public async Task Write_RegionAliases_BecomeTheRegionId()
    {
        var points = Collect();
        using var client = Authorized();

        using var response = await client.PostAsync("/write?db=cockpit", Body("complaints,region=天河 count=1\ncomplaints,region=Tianhe count=2\ncomplaints,region=天河区 count=3\n"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AtLeast(points, 3);
        Assert.All(points, p => Assert.Equal("complaints,region=tianhe", p.Series.Canonical));
    }

    [Fact]
    public async Task Write_PastTheSeriesLimit_RejectsNewSeriesAndKeepsExistingOnesFlowing()
    {
        _factory.With("Cockpit:Ingest:MaxSeries", "2");
        var points = Collect();
        using var client = Authorized();

        using var first = await client.PostAsync("/write?db=cockpit", Body("cpu,host=a value=1\ncpu,host=b value=2\n"));
        using var second = await client.PostAsync("/write?db=cockpit", Body("cpu,host=c value=3\ncpu,host=a value=4\n"));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var error = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains("series limit reached: Cockpit keeps at most 2 series", error, StringComparison.Ordinal);
        Assert.Contains("'cpu,host=c'", error, StringComparison.Ordinal);
        await AtLeast(points, 3);
        Assert.Equal([1d, 2, 4], points.Select(p => p.Value).Order());
    }

    [Fact]
    public async Task Write_OlderPointAfterANewerOne_IsStoredAndMarkedOutOfOrder()
    {
        var points = Collect();
        using var client = Authorized();

        using var response = await client.PostAsync("/write?db=cockpit&precision=s", Body("cpu value=1 1795392060\ncpu value=2 1795392000\ncpu value=3 1795392120\n"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AtLeast(points, 3);
        Assert.Equal([PointFlags.None, PointFlags.OutOfOrder, PointFlags.None], points.Select(p => p.Flags));
    }

    [Fact]
    public async Task Ingest_JsonAndNdjson_AreStoredWithTheSameRules()
    {
        var points = Collect();
        using var client = Authorized();

        using var array = await client.PostAsync("/api/ingest?precision=s", Body("""[{"measurement":"business","tags":{"region":"Haizhu"},"fields":{"success_rate":97.5},"time":1795392000}]"""));
        using var ndjson = await client.PostAsync("/api/ingest", Body("{\"measurement\":\"cpu\",\"fields\":{\"v\":1}}\n{\"measurement\":\"cpu\",\"fields\":{\"v\":\"NaN\"},\"bogus\":1}\n"));

        Assert.Equal(HttpStatusCode.NoContent, array.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ndjson.StatusCode);
        Assert.Contains("line 2: unknown property 'bogus'", (await ndjson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        await AtLeast(points, 2);
        Assert.Contains(points, p => p.Series.Canonical == "business,region=haizhu" && p.Value == 97.5);
    }

    [Fact]
    public async Task Write_StoredPoints_AreListedByTheSeriesApi()
    {
        using var client = Authorized();

        using var response = await client.PostAsync("/api/v2/write?org=x&bucket=cockpit&precision=ms", Body("network,region=nansha,cell=nansha-01 latency_ms=12.5,loss_pct=0.1 1795392000000\n"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var api = _factory.CreateApiClient();
        var series = await Eventually.Get(
            async () => await api.GetFromJsonAsync<JsonElement[]>("/api/series?measurement=network") is { Length: 2 } list ? list : null,
            TimeSpan.FromSeconds(10),
            "two network series");
        Assert.Equal(["latency_ms", "loss_pct"], series.Select(s => s.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
    }

    private HttpClient Authorized()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Secret);
        return client;
    }

    private IngestBus Bus() => _factory.Services.GetRequiredService<IngestBus>();

    private ConcurrentQueue<MetricPoint> Collect()
    {
        var points = new ConcurrentQueue<MetricPoint>();
        Bus().Points.Subscribe(points.Enqueue);
        return points;
    }

    private static async Task<MetricPoint> Single(ConcurrentQueue<MetricPoint> points)
    {
        await AtLeast(points, 1);
        return Assert.Single(points);
    }

    private static Task AtLeast(ConcurrentQueue<MetricPoint> points, int count) =>
        Eventually.Get(() => Task.FromResult(points.Count >= count ? points : null), TimeSpan.FromSeconds(10), $"{count} points on the bus");

    private static StringContent Body(string text) => new(text, Encoding.UTF8, "text/plain");

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
