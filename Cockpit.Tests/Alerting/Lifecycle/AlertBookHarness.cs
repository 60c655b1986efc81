using Cockpit.Alerting;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;
using Cockpit.Alerting.Storage;
using Cockpit.Detection.Alerts;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Alerting.Lifecycle;

/// <summary>
/// A real alert book and silence book on a real SQLite file in a temp folder, driven in virtual time from Monday 00:00.
/// <see cref="Restart"/> drops both books (as a crash would: no shutdown work) and opens new ones on the same file.
/// </summary>
public sealed class AlertBookHarness : IDisposable
{
    private readonly TempDirectory _data;
    private readonly bool _ownsData;
    private readonly AlertingOptions _options;

    public AlertBookHarness(AlertingOptions? options = null, TempDirectory? data = null, TestScheduler? scheduler = null)
    {
        _options = options ?? new AlertingOptions();
        _ownsData = data is null;
        _data = data ?? new TempDirectory();
        if (scheduler is null)
        {
            Scheduler = new TestScheduler();
            Scheduler.AdvanceTo(Points.Monday.Ticks);
        }
        else
        {
            Scheduler = scheduler;
        }

        Database = new AlertingDatabase(Options.Create(new CockpitOptions { DataDir = _data.Path }), Options.Create(_options));
        Silences = new SilenceBook(Database, Scheduler, Options.Create(_options));
        Book = new AlertBook(Database, Silences, Scheduler, Options.Create(_options), NullLogger<AlertBook>.Instance);
        Book.Changes.Subscribe(Changes.Add);
    }

    public TestScheduler Scheduler { get; }

    public AlertingDatabase Database { get; }

    public AlertBook Book { get; }

    public SilenceBook Silences { get; }

    /// <summary>Every change the book published, in order.</summary>
    public List<AlertRecord> Changes { get; } = [];

    public DateTimeOffset Now => Scheduler.Now;

    /// <summary>A crash and a start on the same database file and clock.</summary>
    public AlertBookHarness Restart()
    {
        Book.Dispose();
        Silences.Dispose();
        return new AlertBookHarness(_options, _data, Scheduler);
    }

    /// <summary>Sends a signal of <paramref name="rule"/> for <paramref name="region"/> at the clock's time.</summary>
    public void Fire(string rule = "complaint-surge", string region = "tianhe", AlertSeverity severity = AlertSeverity.Warning, double score = 0.9) =>
        Book.Accept(Signal(rule, region, firing: true, severity, score));

    public void Recover(string rule = "complaint-surge", string region = "tianhe") =>
        Book.Accept(Signal(rule, region, firing: false, AlertSeverity.Warning, 0.1));

    public void Pending(string rule = "complaint-surge", string region = "tianhe") =>
        Book.Accept(Signal(rule, region, firing: false, AlertSeverity.Warning, 0.7) with { Pending = true });

    public AlertRecord Only(string rule = "complaint-surge", string region = "tianhe") =>
        Assert.Single(Book.Snapshot(), a => a.Rule == rule && a.Tags["region"] == region);

    public AlertSignal Signal(string rule, string region, bool firing, AlertSeverity severity, double score) => new(
        rule,
        rule.StartsWith("network", StringComparison.Ordinal) ? "network" : "complaints",
        new Dictionary<string, string> { ["region"] = region },
        firing,
        severity,
        $"{rule} in {region} at score {score:0.00}",
        firing ? 120 : 20,
        20,
        score,
        Now);

    public void Dispose()
    {
        Book.Dispose();
        Silences.Dispose();
        if (_ownsData)
        {
            _data.Dispose();
        }
    }
}
