using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Rules.Catalog;

/// <summary>The rule store in SQLite (<c>DataDir/rules.db</c>, WAL, every change one transaction).</summary>
public sealed class SqliteRuleStore : IRuleStore
{
    public const string FileName = "rules.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS rules (
            name TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS rule_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            action TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            json TEXT);
        CREATE INDEX IF NOT EXISTS rule_history_name ON rule_history (name, id);
        """;

    private readonly SqliteDataFile _file;

    public SqliteRuleStore(IOptions<CockpitOptions> cockpit)
    {
        ArgumentNullException.ThrowIfNull(cockpit);
        _file = new SqliteDataFile(cockpit.Value, FileName, Schema);
    }

    public IReadOnlyList<StoredRule> Load()
    {
        using var connection = _file.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, json, changed_by, changed_at FROM rules ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var rules = new List<StoredRule>();
        while (reader.Read())
        {
            rules.Add(new StoredRule(reader.GetString(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return rules;
    }

    public void Save(StoredRule rule, RuleChangeAction action)
    {
        ArgumentNullException.ThrowIfNull(rule);
        using var connection = _file.Open();
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            // An upsert keeps the row (and so the rule's place in the list) when an existing rule is changed.
            command.CommandText = """
                INSERT INTO rules (name, json, changed_by, changed_at) VALUES ($name, $json, $by, $at)
                ON CONFLICT(name) DO UPDATE SET json = excluded.json, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                """;
            command.Parameters.AddWithValue("$name", rule.Name);
            command.Parameters.AddWithValue("$json", rule.Json);
            command.Parameters.AddWithValue("$by", rule.ChangedBy);
            command.Parameters.AddWithValue("$at", rule.ChangedAt.ToUnixTimeMilliseconds());
            command.ExecuteNonQuery();
        }

        Record(connection, rule.Name, action, rule.ChangedBy, rule.ChangedAt, rule.Json);
        transaction.Commit();
    }

    public void Remove(string name, RuleChangeAction action, string by, DateTimeOffset at)
    {
        using var connection = _file.Open();
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM rules WHERE name = $name";
            command.Parameters.AddWithValue("$name", name);
            command.ExecuteNonQuery();
        }

        Record(connection, name, action, by, at, null);
        transaction.Commit();
    }

    public IReadOnlyList<RuleHistoryEntry> History(string? name, int limit)
    {
        using var connection = _file.Open();
        using var command = connection.CreateCommand();
        command.CommandText = name is null
            ? "SELECT name, action, changed_by, changed_at, json FROM rule_history ORDER BY id DESC LIMIT $limit"
            : "SELECT name, action, changed_by, changed_at, json FROM rule_history WHERE name = $name ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        if (name is not null)
        {
            command.Parameters.AddWithValue("$name", name);
        }

        using var reader = command.ExecuteReader();
        var entries = new List<RuleHistoryEntry>();
        while (reader.Read())
        {
            entries.Add(new RuleHistoryEntry(
                reader.GetString(0),
                Enum.Parse<RuleChangeAction>(reader.GetString(1)),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return entries;
    }

    private static void Record(SqliteConnection connection, string name, RuleChangeAction action, string by, DateTimeOffset at, string? json)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO rule_history (name, action, changed_by, changed_at, json) VALUES ($name, $action, $by, $at, $json)";
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$action", action.ToString());
        command.Parameters.AddWithValue("$by", by);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$json", (object?)json ?? DBNull.Value);
        command.ExecuteNonQuery();
    }
}
