using Cockpit.Alerting;
using Cockpit.Alerting.Storage;
using Cockpit.Detection.Alerts;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Alerting.Lifecycle;
using Cockpit.Tests.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Alerting.Storage;

/// <summary>Facts are stored with the alert and the history lines they explain, and databases from before facts still open.</summary>
public sealed class AlertStoreTests
{
    private static readonly SignalFacts Surge = new()
    {
        Kind = SignalFactKind.Anomalous,
        Measurement = "complaints",
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["region"] = "tianhe", ["channel"] = "hotline" },
        Value = 39,
        Expected = 28.92,
        Lower = 20.1,
        Upper = 37.7,
        Score = 0.934,
    };

    private static AlertSignal Signal(AlertBookHarness h, SignalFacts facts, bool firing) =>
        h.Signal("complaint-surge", "tianhe", firing, AlertSeverity.Warning, facts.Score ?? 0) with
        {
            Summary = SignalFactsFormatter.Summary(facts),
            Facts = facts,
        };

    [Fact]
    public void Save_AlertAndHistoryWithFacts_ComeBackEqualAfterARestart()
    {
        using var data = new TempDirectory();
        var h = new AlertBookHarness(data: data);
        h.Book.Accept(Signal(h, Surge, firing: true));
        var silent = new SignalFacts { Kind = SignalFactKind.Silent, Measurement = "network", Duration = TimeSpan.FromMinutes(5), Score = 0.5 };
        h.Book.Accept(Signal(h, Surge with { Kind = SignalFactKind.BackToNormal, Value = 30 }, firing: false));
        h.Book.Accept(Signal(h, silent, firing: true));

        using var restarted = h.Restart();
        var alert = restarted.Only();

        Assert.Equal(silent, alert.Facts);
        var history = restarted.Book.History(alert.Id);
        Assert.Equal([Surge, Surge with { Kind = SignalFactKind.BackToNormal, Value = 30 }, silent], history.Where(e => e.Facts is not null).Select(e => e.Facts));
        Assert.Equal(["hotline", "tianhe"], history[0].Facts!.Labels.Values.Order());
        Assert.Equal(["region", "channel"], history[0].Facts!.Labels.Keys);
    }

    [Fact]
    public void Save_SignalWithoutFacts_StoresNull()
    {
        using var h = new AlertBookHarness();
        h.Fire();

        using var restarted = h.Restart();

        Assert.Null(restarted.Only().Facts);
        Assert.All(restarted.Book.History(restarted.Only().Id), e => Assert.Null(e.Facts));
    }

    [Fact]
    public void Open_DatabaseFromBeforeFacts_GainsTheColumns_OldRowsKeepTheirSummary()
    {
        using var data = new TempDirectory();
        var options = new AlertingOptions();
        var database = new AlertingDatabase(Options.Create(new CockpitOptions { DataDir = data.Path }), Options.Create(options));
        using (var connection = database.Open())
        {
            AlertingDatabase.Execute(connection, """
                CREATE TABLE alerts (id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, rule TEXT NOT NULL, measurement TEXT NOT NULL,
                    tags TEXT NOT NULL, severity TEXT NOT NULL, status TEXT NOT NULL, flapping INTEGER NOT NULL, summary TEXT NOT NULL,
                    value REAL, expected REAL, score REAL, starts_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, ends_at INTEGER,
                    fired_at INTEGER, changed_at INTEGER NOT NULL, acknowledged_by TEXT, acknowledged_at INTEGER, resolved_by TEXT,
                    silenced_by TEXT NOT NULL, inhibited_by INTEGER, likely_cause TEXT, fire_count INTEGER NOT NULL, fire_times TEXT NOT NULL);
                CREATE TABLE alert_history (id INTEGER PRIMARY KEY, alert_id INTEGER NOT NULL, at INTEGER NOT NULL, actor TEXT NOT NULL,
                    action TEXT NOT NULL, detail TEXT NOT NULL);
                INSERT INTO alerts VALUES (7, 'complaint-surge{region=tianhe}', 'complaint-surge', 'complaints', '{"region":"tianhe"}',
                    'warning', 'resolved', 0, 'complaints region=tianhe is back to normal: 30', 30, 28.92, 0.1, 0, 0, 0, 0, 0,
                    NULL, NULL, NULL, '[]', NULL, NULL, 1, '[]');
                INSERT INTO alert_history VALUES (1, 7, 0, 'rule:complaint-surge', 'resolved', 'complaints region=tianhe is back to normal: 30');
                """);
        }

        SqliteConnection.ClearAllPools();
        using var h = new AlertBookHarness(options, data);
        var old = h.Book.Find(7)!;

        Assert.Null(old.Facts);
        Assert.Equal("complaints region=tianhe is back to normal: 30", old.Summary);
        Assert.Null(Assert.Single(h.Book.History(7)).Facts);

        h.Book.Accept(Signal(h, Surge, firing: true));
        using var restarted = h.Restart();
        Assert.Equal(Surge, restarted.Book.Find(7)!.Facts);
    }
}
