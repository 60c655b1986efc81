using System.Diagnostics;
using System.Globalization;
using System.Reactive.Concurrency;
using Cockpit.Alerting;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Silences;
using Cockpit.Alerting.Storage;
using Cockpit.Detection.Alerts;
using Cockpit.Ingest.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Bench.Alerting;

/// <summary>
/// `alerting`: how many alert changes a second the alert book stores (each one SQLite transaction with its history
/// line, WAL, synchronous=FULL), against the baseline of bare one-row SQLite transactions with the same settings on the
/// same disk in the same run. Alerts change per state change, not per point, so this is headroom, not a hot path.
/// </summary>
internal static class AlertBookThroughput
{
    public static int Run(string[] args)
    {
        var alerts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
        var folder = Directory.CreateTempSubdirectory("cockpit-bench-alerting-");
        try
        {
            var baseline = Baseline(Path.Combine(folder.FullName, "baseline.db"), alerts * 2);
            var book = Book(folder.FullName, alerts);
            Console.WriteLine($"alert book: {alerts} alerts fired and resolved = {alerts * 2} stored changes");
            Console.WriteLine($"| what | changes/s | µs per change |");
            Console.WriteLine($"| --- | ---: | ---: |");
            Console.WriteLine($"| alert book (change + history line, one transaction) | {book:N0} | {1e6 / book:N0} |");
            Console.WriteLine($"| baseline: bare one-row SQLite transactions | {baseline:N0} | {1e6 / baseline:N0} |");
            Console.WriteLine($"ratio alert book / baseline: {book / baseline:0.00}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static double Book(string folder, int alerts)
    {
        var options = Options.Create(new AlertingOptions { DatabaseFile = "alerts.db" });
        var scheduler = new HistoricalScheduler(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        var database = new AlertingDatabase(Options.Create(new CockpitOptions { DataDir = folder }), options);
        using var silences = new SilenceBook(database, scheduler, options);
        using var book = new AlertBook(database, silences, scheduler, options, NullLogger<AlertBook>.Instance);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < alerts; i++)
        {
            var tags = new Dictionary<string, string> { ["region"] = "r" + (i % 11).ToString(CultureInfo.InvariantCulture), ["cell"] = "c" + i.ToString(CultureInfo.InvariantCulture) };
            book.Accept(new AlertSignal("network-latency", "network", tags, true, AlertSeverity.Warning, "latency high", 120, 20, 0.9, scheduler.Now));
            book.Accept(new AlertSignal("network-latency", "network", tags, false, AlertSeverity.Warning, "latency normal", 20, 20, 0.1, scheduler.Now));
            scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
        }

        return alerts * 2 / clock.Elapsed.TotalSeconds;
    }

    private static double Baseline(string path, int rows)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, fingerprint TEXT, status TEXT, at INTEGER);";
            pragma.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < rows; i++)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO t (fingerprint, status, at) VALUES ($f, 'firing', $at)";
            insert.Parameters.AddWithValue("$f", "network-latency{cell=c" + i.ToString(CultureInfo.InvariantCulture) + "}");
            insert.Parameters.AddWithValue("$at", i);
            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        return rows / clock.Elapsed.TotalSeconds;
    }
}
