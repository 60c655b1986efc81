using System.Text.Json;
using Cockpit.Alerting.Silences;

namespace Cockpit.Alerting.Storage;

/// <summary>The silences in SQLite; matchers as JSON, times as Unix milliseconds. Silences are expired, never deleted, until retention.</summary>
internal sealed class SilenceStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS silences (
            id TEXT PRIMARY KEY,
            matchers TEXT NOT NULL,
            starts_at INTEGER NOT NULL,
            ends_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            comment TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expired_by TEXT);
        """;

    private readonly AlertingDatabase _database;

    public SilenceStore(AlertingDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        AlertingDatabase.Execute(connection, Schema);
    }

    /// <summary>Inserts or updates a silence (expiry updates ends_at and expired_by).</summary>
    public void Save(Silence silence)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO silences (id, matchers, starts_at, ends_at, created_by, comment, created_at, expired_by)
            VALUES ($id, $matchers, $starts_at, $ends_at, $created_by, $comment, $created_at, $expired_by)
            ON CONFLICT (id) DO UPDATE SET ends_at = excluded.ends_at, expired_by = excluded.expired_by
            """;
        var p = command.Parameters;
        p.AddWithValue("$id", silence.Id);
        p.AddWithValue("$matchers", JsonSerializer.Serialize(silence.Matchers.Select(m => new StoredMatcher(m.Name, m.Operator, m.Value))));
        p.AddWithValue("$starts_at", silence.StartsAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$ends_at", silence.EndsAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$created_by", silence.CreatedBy);
        p.AddWithValue("$comment", silence.Comment);
        p.AddWithValue("$created_at", silence.CreatedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$expired_by", (object?)silence.ExpiredBy ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    /// <summary>Every silence that ended after <paramref name="endedAfter"/> (older ones are past retention).</summary>
    public List<Silence> Load(DateTimeOffset endedAfter)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, matchers, starts_at, ends_at, created_by, comment, created_at, expired_by FROM silences
            WHERE ends_at >= $after ORDER BY created_at DESC
            """;
        command.Parameters.AddWithValue("$after", endedAfter.ToUnixTimeMilliseconds());
        using var r = command.ExecuteReader();
        var list = new List<Silence>();
        while (r.Read())
        {
            var matchers = JsonSerializer.Deserialize<StoredMatcher[]>(r.GetString(1)) ?? [];
            list.Add(new Silence(
                r.GetString(0),
                [.. matchers.Select(m => new LabelMatcher(m.Name, m.Operator, m.Value))],
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                r.GetString(4),
                r.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)))
            {
                ExpiredBy = r.IsDBNull(7) ? null : r.GetString(7),
            });
        }

        return list;
    }

    /// <summary>Deletes silences that ended before <paramref name="before"/>.</summary>
    public int DeleteEndedBefore(DateTimeOffset before)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM silences WHERE ends_at < $before";
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        return command.ExecuteNonQuery();
    }

    private sealed record StoredMatcher(string Name, MatchOperator Operator, string Value);
}
