using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reactive.Concurrency;
using Bunit;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Http;
using Cockpit.Ingest.Mqtt;
using Cockpit.Ingest.Replay;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Simulation;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Ingest.Write;
using Cockpit.Tests.Testing;
using Cockpit.Tests.Web.Controls;
using Cockpit.Web.Components.Controls.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Web.Admin;

/// <summary>
/// The ingest sources panel on real status objects: HTTP counters from a real host's <c>/write</c>, the other sources'
/// statuses as their adapters fill them. Redrawn on the scheduler, problems shown as text.
/// </summary>
public sealed class IngestSourcesPanelTests : BunitContext
{
    private const string Evil = "<img src=x onerror=alert(1)>";
    private static readonly DateTimeOffset Now = Points.Monday.AddHours(9);

    private readonly CockpitWebFactory _host = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false").WithTestIngestToken();
    private readonly TestScheduler _scheduler = new();
    private readonly CountingScheduler _counting;
    private readonly MqttStatus _mqtt = new();
    private readonly ReplayStatus _replay = new();
    private readonly SimulatorStatus _simulator = new();
    private readonly InfluxDbStoreStatus _influx = new(new FakeTimeProvider(Now));

    public IngestSourcesPanelTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        _scheduler.AdvanceTo(Now.UtcTicks);
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(Cockpit.Tests.Testing.DisplayZones.Shanghai);
        _counting = new CountingScheduler(_scheduler);
        Services.AddSingleton<IScheduler>(_counting);
        Services.AddSingleton(_host.Services.GetRequiredService<IngestBus>());
        Services.AddSingleton(_host.Services.GetRequiredService<SeriesRegistry>());
        Services.AddSingleton(_host.Services.GetRequiredService<IngestHttpHandler>());
        Services.AddSingleton(_mqtt);
        Services.AddSingleton(_replay);
        Services.AddSingleton(_simulator);
        Services.AddSingleton(_influx);
        Services.AddSingleton(Options.Create(new MqttOptions { Enabled = true, Host = "broker.gz", Port = 8883, Topics = ["cockpit/#"] }));
        Services.AddSingleton(Options.Create(new ReplayOptions { Enabled = true, Files = [new() { Path = "history.lp" }, new() { Path = "missing.csv", Format = ReplayFormat.Csv }] }));
        Services.AddSingleton(Options.Create(new SimulatorOptions { Enabled = true }));
        Services.AddSingleton(Options.Create(new StoreOptions { Kind = StoreKind.InfluxDb }));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _host.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string Cell(IRenderedComponent<IngestSourcesPanel> panel, string source, string column) =>
        panel.Find($"tr[data-source='{source}'] .{column}").TextContent.Trim();

    private static string State(IRenderedComponent<IngestSourcesPanel> panel, string source) =>
        panel.Find($"tr[data-source='{source}'] .source-state").GetAttribute("data-state")!;

    [Fact]
    public async Task Render_EverySourceActive_StateCountsLastDataAndProblemsAsText()
    {
        // HTTP: one write with a good and a bad line (400, the good one stored), one without a valid token (401).
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", HttpIngest.Token);
        using (var partial = await client.PostAsync("/write", new StringContent("cpu,host=a value=1,load=2\ncpu,host=b value=oops\n")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", "not-a-token");
        using (var refused = await client.PostAsync("/write", new StringContent("cpu value=1\n")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        _mqtt.RecordConnected(reconnect: false);
        _mqtt.RecordConnected(reconnect: true);
        _mqtt.RecordReceived(Now.AddSeconds(-5));
        _mqtt.RecordWritten(new WriteResult(LinesAccepted: 3, PointsAccepted: 5, LinesRejected: 1, new WriteError(2, "bad"), QueueFull: false));
        _mqtt.RecordBadMessage("Message on cockpit/tianhe: " + Evil, Now.AddSeconds(-5));
        var history = new ReplayFileStatus("history.lp", ReplayFormat.LineProtocol);
        var missing = new ReplayFileStatus("missing.csv", ReplayFormat.Csv);
        _replay.Start([history, missing]);
        history.AddLinesRead(12);
        history.AddPointsPublished(20);
        history.AddRejected(new ReplayLineError("history.lp", 7, "bad tag " + Evil));
        missing.Fail("Could not find file 'missing.csv'.");
        _simulator.Running = true;
        _simulator.Speed = 60;
        _simulator.Record(Now.AddMinutes(-1));
        _influx.RecordConnected(false);
        _influx.RecordWritten(1_500, fromSpool: false);
        _influx.RecordRejected(2);
        _influx.RecordError("Connection refused (influx:8086)");

        var panel = Render<IngestSourcesPanel>();

        Assert.Equal("listening", State(panel, "http"));
        Assert.Equal("1 lines · 2 points", Cell(panel, "http", "source-accepted"));
        Assert.Equal("1 lines · 1 unauthorized · 0 too large · 0 throttled", Cell(panel, "http", "source-rejected"));
        var lastWrite = DateTimeOffset.Parse(panel.Find("tr[data-source='http'] .source-last time").GetAttribute("datetime")!, CultureInfo.InvariantCulture);
        Assert.InRange(lastWrite, _host.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-1), _host.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Assert.Matches("^[^ ]+: 401 authorization failed", panel.Find("tr[data-source='http'] .problem-text").TextContent);

        Assert.Equal("MQTT broker.gz:8883 (cockpit/#)", Cell(panel, "mqtt", "source-name"));
        Assert.Equal("connected", State(panel, "mqtt"));
        Assert.Contains("1 reconnects", panel.Find("tr[data-source='mqtt']").TextContent, StringComparison.Ordinal);
        Assert.Equal("1 messages · 3 lines · 5 points", Cell(panel, "mqtt", "source-accepted"));
        Assert.Equal("1 lines · 1 bad messages", Cell(panel, "mqtt", "source-rejected"));
        Assert.Equal("2026-11-23 16:59:55", Cell(panel, "mqtt", "source-last"));
        Assert.Equal("Message on cockpit/tianhe: " + Evil, panel.Find("tr[data-source='mqtt'] .problem-text").TextContent);

        var replays = panel.FindAll("tr[data-source='replay']");
        Assert.Equal(["history.lp", "missing.csv"], replays.Select(r => r.GetAttribute("data-file")));
        Assert.Equal(["running", "failed"], replays.Select(r => r.QuerySelector(".source-state")!.GetAttribute("data-state")));
        Assert.Equal("12 lines read · 20 points", replays[0].QuerySelector(".source-accepted")!.TextContent);
        Assert.Equal("history.lp:7: bad tag " + Evil, replays[0].QuerySelector(".problem-text")!.TextContent);
        Assert.Equal("Could not find file 'missing.csv'.", replays[1].QuerySelector(".problem-text")!.TextContent);

        Assert.Equal("running", State(panel, "simulator"));
        Assert.Equal("1 intervals", Cell(panel, "simulator", "source-accepted"));
        Assert.StartsWith("2026-11-23 16:59:00", Cell(panel, "simulator", "source-last"), StringComparison.Ordinal);

        Assert.Equal("Store: InfluxDB", Cell(panel, "store", "source-name"));
        Assert.Equal("disconnected", State(panel, "store"));
        Assert.Equal("1,500 lines written · 0 retries", Cell(panel, "store", "source-accepted"));
        Assert.Equal("2 lines rejected · 0 dropped", Cell(panel, "store", "source-rejected"));
        Assert.Equal("Connection refused (influx:8086)", panel.Find("tr[data-source='store'] .problem-text").TextContent);

        Assert.Contains("2 points accepted", panel.Find("[data-queue]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("img"));
    }

    [Fact]
    public void Render_SourcesOffAndEmbeddedStore_SaysSoWithoutNumbers()
    {
        Services.AddSingleton(Options.Create(new MqttOptions { Enabled = false }));
        Services.AddSingleton(Options.Create(new ReplayOptions { Enabled = false }));
        Services.AddSingleton(Options.Create(new SimulatorOptions { Enabled = false }));
        Services.AddSingleton(Options.Create(new StoreOptions { Kind = StoreKind.Embedded }));

        var panel = Render<IngestSourcesPanel>();

        Assert.Equal("off", State(panel, "mqtt"));
        Assert.Equal("off", State(panel, "replay"));
        Assert.Equal("off", State(panel, "simulator"));
        Assert.Equal("in-process", State(panel, "store"));
        Assert.Equal("Store: embedded (DuckDB)", Cell(panel, "store", "source-name"));
        Assert.Equal("0 lines · 0 points", Cell(panel, "http", "source-accepted"));
        Assert.Equal("—", Cell(panel, "http", "source-last"));
        Assert.Equal("—", Cell(panel, "http", "source-problem"));
    }

    [Fact]
    public async Task Refresh_StatusChanges_ShownAtTheNextIntervalWithoutAnyClick()
    {
        var panel = Render<IngestSourcesPanel>();
        Assert.Equal("disconnected", State(panel, "mqtt"));

        _mqtt.RecordConnected(reconnect: false);
        _mqtt.RecordReceived(Now);
        _scheduler.Advance(IngestSourcesPanel.RefreshInterval - TimeSpan.FromMilliseconds(1));
        Assert.Equal("disconnected", State(panel, "mqtt"));

        _scheduler.Advance(TimeSpan.FromMilliseconds(1));
        panel.WaitForAssertion(() => Assert.Equal("connected", State(panel, "mqtt")));
        Assert.Equal("2026-11-23 17:00:00", Cell(panel, "mqtt", "source-last"));

        _mqtt.RecordDisconnected();
        _scheduler.Advance(IngestSourcesPanel.RefreshInterval);
        panel.WaitForAssertion(() => Assert.Equal("disconnected", State(panel, "mqtt")));

        // Each interval schedules the next one; once the component is gone, nothing is scheduled any more.
        var scheduled = _counting.Scheduled;
        _scheduler.Advance(IngestSourcesPanel.RefreshInterval * 3);
        Assert.True(_counting.Scheduled >= scheduled + 3, $"{_counting.Scheduled - scheduled} scheduled over three intervals");
        scheduled = _counting.Scheduled;
        await DisposeComponentsAsync();
        _scheduler.Advance(IngestSourcesPanel.RefreshInterval * 3);
        Assert.Equal(scheduled, _counting.Scheduled);
    }

    // Counts what is scheduled on the virtual clock (recursive scheduling included: actions get this scheduler), to see
    // the refresh stop with the component.
    private sealed class CountingScheduler(IScheduler inner) : IScheduler
    {
        public int Scheduled { get; private set; }

        public DateTimeOffset Now => inner.Now;

        public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, (_, s) => action(this, s));
        }

        public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, (_, s) => action(this, s));
        }

        public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
        {
            Scheduled++;
            return inner.Schedule(state, dueTime, (_, s) => action(this, s));
        }
    }

    [Fact]
    public void Render_Chinese_HeadersAndStatesInChinese()
    {
        using var culture = new CultureScope("zh-CN");
        _mqtt.RecordConnected(reconnect: false);

        var panel = Render<IngestSourcesPanel>();

        Assert.Equal(["数据源", "状态", "已接收", "已拒绝", "最近数据", "最近问题"], panel.FindAll("thead th").Select(th => th.TextContent));
        Assert.Equal("已连接", panel.Find("tr[data-source='mqtt'] .source-state").TextContent);
        Assert.Equal("监听中", panel.Find("tr[data-source='http'] .source-state").TextContent);
    }
}
