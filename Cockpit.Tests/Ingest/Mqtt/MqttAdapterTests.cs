using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Ingest;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Mqtt;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;

namespace Cockpit.Tests.Ingest.Mqtt;

/// <summary>The adapter against a real Mosquitto broker, inside a real ingest host (bus, dispatcher, embedded store).</summary>
public sealed class MqttAdapterTests : IDisposable
{
    private const string Topic = "cockpit/test/complaints";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly long Monday = UnixTime.ToNanos(Points.Monday);

    private readonly TempDirectory _data = new();
    private readonly string _clientId = "cockpit-test-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task WriteMessage_MosquittoPubLineProtocol_PointsArrive()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var host = await StartHostAsync(broker);

        await broker.PublishAsync(
            Topic,
            $"complaints,region=tianhe,channel=hotline,category=broadband count=7i {Monday}\n" +
            $"network,region=haizhu,cell=haizhu-01 latency_ms=12.5,loss_pct=0.25 {Monday}");

        var points = await host.WaitForPointsAsync(3);
        var complaint = Assert.Single(points, p => p.Series.Measurement == "complaints");
        Assert.Equal("tianhe", complaint.Series.GetTag("region"));
        Assert.Equal(7, complaint.Value);
        Assert.Equal(Monday, complaint.TimestampNs);
        Assert.Equal("mqtt", complaint.Source);
        Assert.Equal(12.5, Assert.Single(points, p => p.Field == "latency_ms").Value);
        Assert.Equal(0.25, Assert.Single(points, p => p.Field == "loss_pct").Value);
        Assert.Equal(1, host.Status.MessagesReceived);
        Assert.Equal(2, host.Status.LinesAccepted);
        Assert.Equal(3, host.Status.PointsAccepted);
        Assert.Equal(0, host.Status.BadMessages);
    }

    [Fact]
    public async Task WriteMessage_MqttNetPublishesJsonInSeconds_PointsArrive()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var host = await StartHostAsync(
            broker,
            ("Cockpit:Mqtt:PayloadFormat", "Json"),
            ("Cockpit:Mqtt:Precision", "Seconds"),
            ("Cockpit:Mqtt:SourceName", "mqtt-json"));
        var seconds = Points.Monday.ToUnixTimeSeconds();

        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).Build());
        await publisher.PublishStringAsync(
            "cockpit/test/json",
            $$"""[{"measurement":"complaints","tags":{"region":"panyu","channel":"app","category":"billing"},"fields":{"count":5},"time":{{seconds}}}]""",
            MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce);
        await publisher.DisconnectAsync();

        var point = Assert.Single(await host.WaitForPointsAsync(1));
        Assert.Equal("complaints", point.Series.Measurement);
        Assert.Equal("panyu", point.Series.GetTag("region"));
        Assert.Equal(5, point.Value);
        Assert.Equal(Monday, point.TimestampNs);
        Assert.Equal("mqtt-json", point.Source);
    }

    [Fact]
    public async Task WriteMessage_MalformedThenGood_GoodArrivesAndBadCounted()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var host = await StartHostAsync(broker);

        await broker.PublishAsync("cockpit/test/bad", "this is not line protocol");
        await broker.PublishAsync(Topic, $"complaints,region=liwan,channel=web,category=service count=3i {Monday}");

        var point = Assert.Single(await host.WaitForPointsAsync(1));
        Assert.Equal("liwan", point.Series.GetTag("region"));
        Assert.Equal(2, host.Status.MessagesReceived);
        Assert.Equal(1, host.Status.BadMessages);
        Assert.Equal(1, host.Status.LinesRejected);
        Assert.Equal(1, host.Status.LinesAccepted);
        Assert.Contains("cockpit/test/bad", host.Status.LastError, StringComparison.Ordinal);
        Assert.True(host.Status.Connected);
    }

    [Fact]
    public async Task Reconnect_BrokerRestarted_ResubscribesAndLaterMessagesArrive()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var host = await StartHostAsync(broker);
        await broker.PublishAsync(Topic, Line("yuexiu", 1));
        await host.WaitForPointsAsync(1);

        await broker.StopAsync();
        await host.WaitUntilAsync(s => !s.Connected, "the adapter to notice the broker is gone");
        await broker.RestartAsync();

        // The broker runs without persistence: the session is gone, so only a fresh SUBSCRIBE brings messages.
        await host.WaitUntilAsync(s => s.Connected && s.Reconnects == 1, "the adapter to reconnect");
        await broker.PublishAsync(Topic, Line("yuexiu", 2));
        var points = await host.WaitForPointsAsync(2);
        Assert.Equal([1.0, 2.0], points.Select(p => p.Value));
        Assert.Contains("MqttAdapter[1153]: Lost the connection", host.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_BrokerAbsentAtStart_ConnectsOnceItStarts()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await broker.StopAsync();
        await using var host = await StartHostAsync(broker, waitConnected: false);
        await host.WaitUntilAsync(s => s.LastError is not null, "a failed connection attempt");
        Assert.False(host.Status.Connected);

        await broker.RestartAsync();

        await host.WaitUntilAsync(s => s.Connected, "the adapter to connect");
        Assert.Equal(0, host.Status.Reconnects);
        await broker.PublishAsync(Topic, Line("nansha", 4));
        Assert.Equal(4, Assert.Single(await host.WaitForPointsAsync(1)).Value);
    }

    [Fact]
    public async Task Connect_BrokerRequiresPassword_ConnectsWithCredentials()
    {
        await using var broker = await MosquittoBroker.StartAsync(username: "cockpit", password: "s3cret w0rd");
        await using var host = await StartHostAsync(
            broker,
            ("Cockpit:Mqtt:Username", "cockpit"),
            ("Cockpit:Mqtt:Password", "s3cret w0rd"));

        await broker.PublishAsync(Topic, Line("huadu", 9));

        Assert.Equal(9, Assert.Single(await host.WaitForPointsAsync(1)).Value);
    }

    [Fact]
    public async Task Connect_WrongPassword_StaysDisconnectedAndReportsWhy()
    {
        await using var broker = await MosquittoBroker.StartAsync(username: "cockpit", password: "right");
        await using var host = await StartHostAsync(
            broker,
            waitConnected: false,
            ("Cockpit:Mqtt:Username", "cockpit"),
            ("Cockpit:Mqtt:Password", "wrong"));

        await host.WaitUntilAsync(s => s.LastError is not null, "a refused connection");

        Assert.False(host.Status.Connected);
        Assert.DoesNotContain("wrong", host.Status.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_MessagesPublishedWhileCockpitStopped_DeliveredOnNextStart()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using (var first = await StartHostAsync(broker))
        {
            await first.StopAsync();
            Assert.False(first.Status.Connected);
        }

        // A DISCONNECT, not a dropped socket (mosquitto logs "closed its connection" for those).
        await Eventually.Get(
            () => Task.FromResult(broker.Log.Contains($"Client {_clientId} disconnected.", StringComparison.Ordinal) ? broker : null),
            Deadline,
            "the broker to log a clean disconnect");

        // QoS 1 into the persistent session the stopped adapter left at the broker.
        await broker.PublishAsync(Topic, Line("conghua", 11));
        await broker.PublishAsync(Topic, Line("conghua", 12));

        await using var second = await StartHostAsync(broker, waitConnected: false);
        var points = await second.WaitForPointsAsync(2);
        Assert.Equal([11.0, 12.0], points.Select(p => p.Value));
    }

    [Fact]
    public async Task Stop_WhileWaitingForRoomInLog_MessageRedeliveredToNextSession()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var gate = new SemaphoreSlim(0);
        // Two 8 KiB segments; each message of 350 lines is a record of about 5 KiB, so the fifth message finds the
        // log full while detection's feed holds on to the first point (nothing can be deleted before it moves on).
        (string, string)[] overrides = [("Cockpit:Log:MaxBytes", "16384"), ("Cockpit:Log:SegmentBytes", "8192")];
        var first = await StartHostAsync(broker, overrides);
        try
        {
            var dispatched = 0;
            using var holder = first.Bus.Points.Subscribe(_ =>
            {
                if (Interlocked.Increment(ref dispatched) == 1)
                {
                    gate.Wait();
                }
            });
            await broker.PublishAsync(Topic, Line("tianhe", 1));
            await first.WaitUntilAsync(s => s.LinesAccepted == 1 && Volatile.Read(ref dispatched) == 1, "the first message to be fed");
            for (var m = 1; m <= 3; m++)
            {
                await broker.PublishAsync(Topic, Lines("web", m * 1000));
                await first.WaitUntilAsync(s => s.LinesAccepted == 1 + (m * 350), "a filling message to be appended");
            }

            await broker.PublishAsync(Topic, Lines("app", 0));
            await first.WaitUntilAsync(s => s.MessagesReceived == 5, "the last message to wait for room");

            var stopping = first.StopAsync();
            await first.WaitUntilAsync(s => !s.Connected, "the adapter to stop");
            gate.Release();
            await stopping;
        }
        finally
        {
            gate.Release();
            await first.DisposeAsync();
        }

        // Usually the stop reaches the waiting write first: nothing of the last message was appended, it was not
        // acknowledged, and the broker hands it to the next session. Room freed once the gate opens can win the race
        // instead; then the first host appended, acknowledged and fed the message whole. Either way no point is lost
        // and none is half-written.
        var last = first.Received.Where(p => p.Series.GetTag("channel") == "app").ToArray();
        if (last.Length == 0)
        {
            await using var second = await StartHostAsync(broker, waitConnected: false, overrides);
            var points = await second.WaitForPointsAsync(350);
            Assert.Equal(Enumerable.Range(1, 350).Select(i => (double)i), points.Select(p => p.Value));
        }
        else
        {
            Assert.Equal(350, last.Length);
            Assert.Equal(1 + (4 * 350), first.Status.LinesAccepted);
        }

        static string Lines(string channel, int first) =>
            string.Join('\n', Enumerable.Range(1, 350).Select(i => $"complaints,region=tianhe,channel={channel},category=billing count={i}i {Monday + first + i}"));
    }

    [Fact]
    public async Task AddCockpitIngest_MqttEnabledInWebHost_MessagesListedByApi()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        using var factory = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:Mqtt:Enabled", "true")
            .With("Cockpit:Mqtt:Host", broker.Host)
            .With("Cockpit:Mqtt:Port", broker.Port.ToString(CultureInfo.InvariantCulture))
            .With("Cockpit:Mqtt:Topics:0", "cockpit/web/#")
            .With("Cockpit:Mqtt:ClientId", _clientId);
        using var client = factory.CreateApiClient();
        var status = factory.Services.GetRequiredService<MqttStatus>();
        await Eventually.Get(() => Task.FromResult(status.Connected ? status : null), Deadline, "the web host's adapter to connect");

        await broker.PublishAsync("cockpit/web/in", Line("zengcheng", 21));

        var series = await Eventually.Get(
            async () =>
            {
                var list = await client.GetFromJsonAsync<JsonElement[]>("/api/series?measurement=complaints");
                return list?.FirstOrDefault(s => s.GetProperty("tags").GetProperty("region").GetString() == "zengcheng") is { ValueKind: JsonValueKind.Object } found
                    ? new[] { found }
                    : null;
            },
            Deadline,
            "/api/series to list the series written over MQTT");
        Assert.Equal(1, series[0].GetProperty("pointCount").GetInt64());
    }

    private static string Line(string region, int count) =>
        $"complaints,region={region},channel=hotline,category=broadband count={count}i {Monday}";

    private async Task<IngestHost> StartHostAsync(MosquittoBroker broker, params (string Key, string Value)[] overrides) =>
        await StartHostAsync(broker, waitConnected: true, overrides);

    private async Task<IngestHost> StartHostAsync(MosquittoBroker broker, bool waitConnected, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Cockpit:DataDir"] = Path.Combine(_data.Path, Guid.NewGuid().ToString("N")),
            ["Cockpit:Simulator:Enabled"] = "false",
            ["Cockpit:Mqtt:Enabled"] = "true",
            ["Cockpit:Mqtt:Host"] = broker.Host,
            ["Cockpit:Mqtt:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Cockpit:Mqtt:Topics:0"] = "cockpit/test/#",
            ["Cockpit:Mqtt:ClientId"] = _clientId,
            ["Cockpit:Mqtt:MinBackoff"] = "00:00:00.100",
            ["Cockpit:Mqtt:MaxBackoff"] = "00:00:01",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        // No appsettings.json or environment: the test decides every setting.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var log = new LogCapture();
        builder.Logging.AddProvider(log);
        builder.AddCockpitIngest();
        var host = new IngestHost(builder.Build(), broker, log);
        await host.StartAsync();
        if (waitConnected)
        {
            await host.WaitUntilAsync(s => s.Connected, "the adapter to connect and subscribe");
        }

        return host;
    }

    /// <summary>A running ingest host and what its bus dispatched.</summary>
    private sealed class IngestHost : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly MosquittoBroker _broker;
        private readonly ConcurrentQueue<MetricPoint> _points = new();
        private readonly IDisposable _subscription;
        private readonly LogCapture _log;
        private bool _stopped;

        public IngestHost(IHost host, MosquittoBroker broker, LogCapture log)
        {
            _host = host;
            _broker = broker;
            _log = log;
            Status = host.Services.GetRequiredService<MqttStatus>();
            _subscription = host.Services.GetRequiredService<IngestBus>().Points.Subscribe(_points.Enqueue);
        }

        public MqttStatus Status { get; }

        /// <summary>Every point dispatched so far.</summary>
        public MetricPoint[] Received => _points.ToArray();

        /// <summary>What the host logged so far.</summary>
        public string Log => _log.ToString();

        public IngestBus Bus => _host.Services.GetRequiredService<IngestBus>();

        public Task StartAsync() => _host.StartAsync();

        public async Task StopAsync()
        {
            if (!_stopped)
            {
                _stopped = true;
                await _host.StopAsync();
            }
        }

        public async Task WaitUntilAsync(Func<MqttStatus, bool> condition, string what) =>
            await WaitAsync(() => condition(Status) ? Status : null, what);

        /// <summary>Waits until exactly <paramref name="count"/> points arrived (more would fail the test).</summary>
        public async Task<MetricPoint[]> WaitForPointsAsync(int count)
        {
            var points = await WaitAsync(() => _points.Count >= count ? _points.ToArray() : null, $"{count} points");
            Assert.Equal(count, points.Length);
            return points;
        }

        public async ValueTask DisposeAsync()
        {
            // Stopped before disposed, as the real host is: the adapter disconnects, the dispatcher drains.
            await StopAsync();
            _subscription.Dispose();
            _host.Dispose();
        }

        // The description is taken when the wait gives up, not when it starts, so that it tells what went wrong.
        private async Task<T> WaitAsync<T>(Func<T?> probe, string what)
            where T : class
        {
            try
            {
                return await Eventually.Get(() => Task.FromResult(probe()), Deadline, what);
            }
            catch (TimeoutException ex)
            {
                throw new TimeoutException($"{ex.Message} {Describe()}", ex);
            }
        }

        private string Describe() =>
            $"Status: connected {Status.Connected}, received {Status.MessagesReceived}, bad {Status.BadMessages}, " +
            $"reconnects {Status.Reconnects}, last error '{Status.LastError}', points {_points.Count}; Cockpit log:\n{_log}\nbroker log:\n{_broker.Log}";
    }
}
