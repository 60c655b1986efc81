using Cockpit.Ingest.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Storage;

/// <summary>
/// The SQLite file in <c>DataDir</c> that alerts, history, notes, silences, notification groups and the outbox live in.
/// Each part creates its own tables (<c>CREATE TABLE IF NOT EXISTS</c>) and opens its own connections; WAL lets the
/// readers run beside the writer, and <c>synchronous=FULL</c> makes a committed change survive a power cut.
/// </summary>
public sealed class AlertingDatabase
{
    public AlertingDatabase(IOptions<CockpitOptions> cockpit, IOptions<AlertingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(cockpit);
        ArgumentNullException.ThrowIfNull(options);
        var dataDir = cockpit.Value.ResolveDataDir();
        Directory.CreateDirectory(dataDir);
        Path = System.IO.Path.Combine(dataDir, options.Value.DatabaseFile);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>Opens a connection with the pragmas every connection needs.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;");
        return connection;
    }

    /// <summary>Runs a statement without parameters (schema, pragmas).</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
