using System.Globalization;
using System.Text.Json;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Microsoft.Data.Sqlite;

namespace Cockpit.Alerting.Storage;

/// <summary>
/// The alerts, their history and notes in SQLite. One row per fingerprint (an alert that fires again is the same
/// alert), history and notes keyed by the alert id. Times are Unix milliseconds. Writes go through one connection owned
/// by the caller's lock (the alert book); each change is one transaction, so an alert and the history line that explains
/// it are stored together or not at all. Reads open their own pooled connection, so they never wait on the writer's lock.
/// </summary>
internal sealed class AlertStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS alerts (
            id INTEGER PRIMARY KEY,
            fingerprint TEXT NOT NULL UNIQUE,
            rule TEXT NOT NULL,
            measurement TEXT NOT NULL,
            tags TEXT NOT NULL,
            severity TEXT NOT NULL,
            status TEXT NOT NULL,
            flapping INTEGER NOT NULL,
            summary TEXT NOT NULL,
            value REAL,
            expected REAL,
            score REAL,
            starts_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            ends_at INTEGER,
            fired_at INTEGER,
            changed_at INTEGER NOT NULL,
            acknowledged_by TEXT,
            acknowledged_at INTEGER,
            resolved_by TEXT,
            silenced_by TEXT NOT NULL,
            inhibited_by INTEGER,
            likely_cause TEXT,
            fire_count INTEGER NOT NULL,
            fire_times TEXT NOT NULL,
            facts TEXT);
        CREATE INDEX IF NOT EXISTS alerts_status ON alerts (status, changed_at);
        CREATE TABLE IF NOT EXISTS alert_history (
            id INTEGER PRIMARY KEY,
            alert_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            detail TEXT NOT NULL,
            facts TEXT);
        CREATE INDEX IF NOT EXISTS alert_history_alert ON alert_history (alert_id, id);
        CREATE TABLE IF NOT EXISTS alert_notes (
            id INTEGER PRIMARY KEY,
            alert_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS alert_notes_alert ON alert_notes (alert_id, id);
        """;

    private const string Columns = """
        id, fingerprint, rule, measurement, tags, severity, status, flapping, summary, value, expected, score, starts_at,
        updated_at, ends_at, fired_at, changed_at, acknowledged_by, acknowledged_at, resolved_by, silenced_by, inhibited_by,
        likely_cause, fire_count, fire_times, facts
        """;

    private readonly AlertingDatabase _database;
    private readonly SqliteConnection _writer;

    public AlertStore(AlertingDatabase database)
    {
        _database = database;
        _writer = database.Open();
        AlertingDatabase.Execute(_writer, Schema);
        AddColumnIfMissing("alerts", "facts", "TEXT");
        AddColumnIfMissing("alert_history", "facts", "TEXT");
    }

    /// <summary>The highest alert id ever stored (0 when none), so new ids continue after it.</summary>
    public long MaxId()
    {
        using var command = _writer.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM alerts";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Stores the alert (insert or replace by id) and, in the same transaction, its history lines.</summary>
    public void Save(AlertRecord alert, IReadOnlyList<long> fireTimes, IEnumerable<AlertHistoryEntry> history)
    {
        using var transaction = _writer.BeginTransaction();
        using (var command = _writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                INSERT INTO alerts ({Columns}) VALUES ($id, $fingerprint, $rule, $measurement, $tags, $severity, $status,
                    $flapping, $summary, $value, $expected, $score, $starts_at, $updated_at, $ends_at, $fired_at, $changed_at,
                    $acknowledged_by, $acknowledged_at, $resolved_by, $silenced_by, $inhibited_by, $likely_cause, $fire_count, $fire_times, $facts)
                ON CONFLICT (id) DO UPDATE SET
                    severity = excluded.severity, status = excluded.status, flapping = excluded.flapping, summary = excluded.summary,
                    value = excluded.value, expected = excluded.expected, score = excluded.score, starts_at = excluded.starts_at,
                    updated_at = excluded.updated_at, ends_at = excluded.ends_at, fired_at = excluded.fired_at,
                    changed_at = excluded.changed_at, acknowledged_by = excluded.acknowledged_by,
                    acknowledged_at = excluded.acknowledged_at, resolved_by = excluded.resolved_by, silenced_by = excluded.silenced_by,
                    inhibited_by = excluded.inhibited_by, likely_cause = excluded.likely_cause, fire_count = excluded.fire_count,
                    fire_times = excluded.fire_times, facts = excluded.facts
                """;
            Bind(command, alert, fireTimes);
            command.ExecuteNonQuery();
        }

        foreach (var entry in history)
        {
            InsertHistory(transaction, entry);
        }

        transaction.Commit();
    }

    /// <summary>Appends one history line on its own (for changes made by other parts, e.g. "notified").</summary>
    public void AppendHistory(AlertHistoryEntry entry)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        InsertHistory(transaction, entry);
        transaction.Commit();
    }

    /// <summary>Stores a note and its history line; returns the note with its id.</summary>
    public AlertNote AddNote(AlertNote note)
    {
        using var transaction = _writer.BeginTransaction();
        long id;
        using (var command = _writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO alert_notes (alert_id, at, author, text) VALUES ($alert, $at, $author, $text) RETURNING id";
            command.Parameters.AddWithValue("$alert", note.AlertId);
            command.Parameters.AddWithValue("$at", note.At.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$author", note.Author);
            command.Parameters.AddWithValue("$text", note.Text);
            id = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        InsertHistory(transaction, new AlertHistoryEntry(note.AlertId, note.At, note.Author, "note", ""));
        transaction.Commit();
        return note with { Id = id };
    }

    /// <summary>Open alerts (firing or acknowledged) and the most recently changed resolved ones.</summary>
    public List<(AlertRecord Alert, long[] FireTimes)> LoadRecent(int resolved)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM alerts WHERE status <> 'resolved'
            UNION ALL
            SELECT * FROM (SELECT {Columns} FROM alerts WHERE status = 'resolved' ORDER BY changed_at DESC LIMIT $resolved)
            """;
        command.Parameters.AddWithValue("$resolved", resolved);
        return ReadAll(command);
    }

    public (AlertRecord Alert, long[] FireTimes)? FindById(long id) => FindOne("id = $key", id);

    public (AlertRecord Alert, long[] FireTimes)? FindByFingerprint(string fingerprint) => FindOne("fingerprint = $key", fingerprint);

    public IReadOnlyList<AlertHistoryEntry> History(long alertId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, actor, action, detail, facts FROM alert_history WHERE alert_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", alertId);
        using var reader = command.ExecuteReader();
        var list = new List<AlertHistoryEntry>();
        while (reader.Read())
        {
            list.Add(new AlertHistoryEntry(alertId, Time(reader.GetInt64(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            {
                Facts = SignalFactsJson.Deserialize(reader.IsDBNull(4) ? null : reader.GetString(4)),
            });
        }

        return list;
    }

    public IReadOnlyList<AlertNote> Notes(long alertId)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, author, text FROM alert_notes WHERE alert_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", alertId);
        using var reader = command.ExecuteReader();
        var list = new List<AlertNote>();
        while (reader.Read())
        {
            list.Add(new AlertNote(reader.GetInt64(0), alertId, Time(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3)));
        }

        return list;
    }

    /// <summary>Deletes resolved alerts (with their history and notes) last changed before <paramref name="before"/>.</summary>
    public int DeleteResolvedBefore(DateTimeOffset before)
    {
        using var transaction = _writer.BeginTransaction();
        using var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TEMP TABLE IF NOT EXISTS expired (id INTEGER PRIMARY KEY);
            DELETE FROM expired;
            INSERT INTO expired SELECT id FROM alerts WHERE status = 'resolved' AND changed_at < $before;
            DELETE FROM alert_history WHERE alert_id IN (SELECT id FROM expired);
            DELETE FROM alert_notes WHERE alert_id IN (SELECT id FROM expired);
            DELETE FROM alerts WHERE id IN (SELECT id FROM expired);
            SELECT COUNT(*) FROM expired;
            """;
        command.Parameters.AddWithValue("$before", before.ToUnixTimeMilliseconds());
        var deleted = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        transaction.Commit();
        return deleted;
    }

    public void Dispose() => _writer.Dispose();

    // Databases from before a column existed get it (NULL in old rows); CREATE TABLE IF NOT EXISTS leaves them as they were.
    private void AddColumnIfMissing(string table, string column, string type)
    {
        using (var check = _writer.CreateCommand())
        {
            check.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = $column";
            check.Parameters.AddWithValue("$column", column);
            if (Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                return;
            }
        }

        AlertingDatabase.Execute(_writer, $"ALTER TABLE {table} ADD COLUMN {column} {type}");
    }

    private (AlertRecord Alert, long[] FireTimes)? FindOne(string where, object key)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM alerts WHERE {where}";
        command.Parameters.AddWithValue("$key", key);
        var found = ReadAll(command);
        return found.Count == 0 ? null : found[0];
    }

    private static void InsertHistory(SqliteTransaction transaction, AlertHistoryEntry entry)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO alert_history (alert_id, at, actor, action, detail, facts) VALUES ($alert, $at, $actor, $action, $detail, $facts)";
        command.Parameters.AddWithValue("$alert", entry.AlertId);
        command.Parameters.AddWithValue("$at", entry.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$actor", entry.Actor);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$detail", entry.Detail);
        command.Parameters.AddWithValue("$facts", SignalFactsJson.Serialize(entry.Facts));
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, AlertRecord a, IReadOnlyList<long> fireTimes)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", a.Id);
        p.AddWithValue("$fingerprint", a.Fingerprint);
        p.AddWithValue("$rule", a.Rule);
        p.AddWithValue("$measurement", a.Measurement);
        p.AddWithValue("$tags", JsonSerializer.Serialize(a.Tags));
        p.AddWithValue("$severity", Name(a.Severity));
        p.AddWithValue("$status", Name(a.Status));
        p.AddWithValue("$flapping", a.Flapping ? 1 : 0);
        p.AddWithValue("$summary", a.Summary);
        p.AddWithValue("$value", Nullable(a.Value));
        p.AddWithValue("$expected", Nullable(a.Expected));
        p.AddWithValue("$score", Nullable(a.Score));
        p.AddWithValue("$starts_at", a.StartsAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$updated_at", a.UpdatedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$ends_at", (object?)a.EndsAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$fired_at", (object?)a.FiredAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$changed_at", a.ChangedAt.ToUnixTimeMilliseconds());
        p.AddWithValue("$acknowledged_by", (object?)a.AcknowledgedBy ?? DBNull.Value);
        p.AddWithValue("$acknowledged_at", (object?)a.AcknowledgedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        p.AddWithValue("$resolved_by", (object?)a.ResolvedBy ?? DBNull.Value);
        p.AddWithValue("$silenced_by", JsonSerializer.Serialize(a.SilencedBy));
        p.AddWithValue("$inhibited_by", (object?)a.InhibitedBy ?? DBNull.Value);
        p.AddWithValue("$likely_cause", (object?)a.LikelyCause ?? DBNull.Value);
        p.AddWithValue("$fire_count", a.FireCount);
        p.AddWithValue("$fire_times", JsonSerializer.Serialize(fireTimes));
        p.AddWithValue("$facts", SignalFactsJson.Serialize(a.Facts));
    }

    private static List<(AlertRecord, long[])> ReadAll(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var list = new List<(AlertRecord, long[])>();
        while (r.Read())
        {
            var alert = new AlertRecord
            {
                Id = r.GetInt64(0),
                Fingerprint = r.GetString(1),
                Rule = r.GetString(2),
                Measurement = r.GetString(3),
                Tags = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(4)) ?? [],
                Severity = Enum.Parse<AlertSeverity>(r.GetString(5), ignoreCase: true),
                Status = Enum.Parse<AlertStatus>(r.GetString(6), ignoreCase: true),
                Flapping = r.GetInt64(7) != 0,
                Summary = r.GetString(8),
                Value = r.IsDBNull(9) ? double.NaN : r.GetDouble(9),
                Expected = r.IsDBNull(10) ? double.NaN : r.GetDouble(10),
                Score = r.IsDBNull(11) ? double.NaN : r.GetDouble(11),
                StartsAt = Time(r.GetInt64(12)),
                UpdatedAt = Time(r.GetInt64(13)),
                EndsAt = r.IsDBNull(14) ? null : Time(r.GetInt64(14)),
                FiredAt = r.IsDBNull(15) ? null : Time(r.GetInt64(15)),
                ChangedAt = Time(r.GetInt64(16)),
                AcknowledgedBy = r.IsDBNull(17) ? null : r.GetString(17),
                AcknowledgedAt = r.IsDBNull(18) ? null : Time(r.GetInt64(18)),
                ResolvedBy = r.IsDBNull(19) ? null : r.GetString(19),
                SilencedBy = JsonSerializer.Deserialize<string[]>(r.GetString(20)) ?? [],
                InhibitedBy = r.IsDBNull(21) ? null : r.GetInt64(21),
                LikelyCause = r.IsDBNull(22) ? null : r.GetString(22),
                FireCount = (int)r.GetInt64(23),
                Facts = SignalFactsJson.Deserialize(r.IsDBNull(25) ? null : r.GetString(25)),
            };
            list.Add((alert, JsonSerializer.Deserialize<long[]>(r.GetString(24)) ?? []));
        }

        return list;
    }

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static object Nullable(double value) => double.IsFinite(value) ? value : DBNull.Value;

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
