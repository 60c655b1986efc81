using Cockpit.Ingest.Configuration;
using Microsoft.Data.Sqlite;

namespace Cockpit.Ingest.Storage;

/// <summary>
/// A small SQLite file in <c>DataDir</c> for what admins create at run time (ingest tokens, users, rules): created with
/// its schema in WAL mode on first use; every operation opens a pooled connection of its own.
/// </summary>
public sealed class SqliteDataFile
{
    private readonly string _connectionString;

    /// <summary>Opens (creating if needed) <paramref name="fileName"/> in the data folder and applies <paramref name="schema"/>.</summary>
    public SqliteDataFile(CockpitOptions cockpit, string fileName, string schema)
    {
        ArgumentNullException.ThrowIfNull(cockpit);
        var dataDir = cockpit.ResolveDataDir();
        Directory.CreateDirectory(dataDir);
        Path = System.IO.Path.Combine(dataDir, fileName);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; " + schema;
        command.ExecuteNonQuery();
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>An open connection; dispose it when done.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
