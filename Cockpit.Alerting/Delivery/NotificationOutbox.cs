using System.Reactive.Subjects;
using Cockpit.Alerting.Notifications;
using Cockpit.Alerting.Storage;
using Microsoft.Data.Sqlite;

namespace Cockpit.Alerting.Delivery;

/// <summary>
/// The <c>notification_outbox</c> table: every message is a row before anyone tries to send it, so nothing queued is
/// lost to a crash, and a row marked delivered is never sent again. The dispatcher adds rows inside its own
/// transaction (together with the group's state) and then calls <see cref="Wake"/>; the delivery worker reads the
/// head row of each receiver and marks the outcome of each attempt in one statement. Times are stored as UTC ticks.
/// </summary>
internal sealed class NotificationOutbox : IDisposable
{
    private const string Columns = "id, payload, next_attempt_at, attempts, last_error, delivered_at, failed_at";
    private readonly AlertingDatabase _database;
    private readonly Subject<long> _queued = new();

    public NotificationOutbox(AlertingDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        AlertingDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS notification_outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                receiver TEXT NOT NULL,
                group_key TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                next_attempt_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                delivered_at INTEGER,
                failed_at INTEGER);
            CREATE INDEX IF NOT EXISTS notification_outbox_pending ON notification_outbox (receiver, id)
                WHERE delivered_at IS NULL AND failed_at IS NULL;
            """);
    }

    /// <summary>Row ids as they are committed; the delivery worker wakes up on each.</summary>
    public IObservable<long> Queued => _queued;

    /// <summary>Adds a row inside the caller's transaction; returns its id (the notification's <see cref="Notification.Id"/>).</summary>
    public static long Add(SqliteTransaction transaction, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(notification);
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO notification_outbox (receiver, group_key, payload, created_at, next_attempt_at)
            VALUES ($receiver, $group, $payload, $created, $created);
            SELECT last_insert_rowid();
            """;
        command.Parameters.AddWithValue("$receiver", notification.Receiver);
        command.Parameters.AddWithValue("$group", notification.GroupKey);
        command.Parameters.AddWithValue("$payload", NotificationJson.Serialize(notification with { Id = 0 }));
        command.Parameters.AddWithValue("$created", notification.CreatedAt.UtcTicks);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Tells the worker that row <paramref name="id"/> is committed.</summary>
    public void Wake(long id) => _queued.OnNext(id);

    /// <summary>The oldest undelivered, not given up row of each receiver: the only one that may be sent next (order per receiver).</summary>
    public IReadOnlyList<OutboxRow> Heads() => Read($"""
        SELECT {Columns} FROM notification_outbox WHERE id IN (
            SELECT MIN(id) FROM notification_outbox WHERE delivered_at IS NULL AND failed_at IS NULL GROUP BY receiver)
        ORDER BY id
        """);

    /// <summary>Rows neither delivered nor given up.</summary>
    public long PendingCount()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM notification_outbox WHERE delivered_at IS NULL AND failed_at IS NULL";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every row, in id order (for tests and diagnostics).</summary>
    public IReadOnlyList<OutboxRow> All() => Read($"SELECT {Columns} FROM notification_outbox ORDER BY id");

    public void MarkDelivered(long id, int attempts, DateTimeOffset at) => Update(
        "UPDATE notification_outbox SET delivered_at = $at, attempts = $attempts WHERE id = $id", id, attempts, at, null);

    public void MarkRetry(long id, int attempts, DateTimeOffset nextAttemptAt, string error) => Update(
        "UPDATE notification_outbox SET next_attempt_at = $at, attempts = $attempts, last_error = $error WHERE id = $id", id, attempts, nextAttemptAt, error);

    public void MarkFailed(long id, int attempts, DateTimeOffset at, string error) => Update(
        "UPDATE notification_outbox SET failed_at = $at, attempts = $attempts, last_error = $error WHERE id = $id", id, attempts, at, error);

    /// <summary>Deletes delivered and given-up rows finished before <paramref name="cutoff"/>; pending rows stay whatever their age.</summary>
    public int DeleteFinishedBefore(DateTimeOffset cutoff)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM notification_outbox WHERE COALESCE(delivered_at, failed_at) < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
        return command.ExecuteNonQuery();
    }

    public void Dispose() => _queued.Dispose();

    private void Update(string sql, long id, int attempts, DateTimeOffset at, string? error)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$attempts", attempts);
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        command.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private List<OutboxRow> Read(string sql)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<OutboxRow>();
        while (reader.Read())
        {
            var notification = NotificationJson.Deserialize(reader.GetString(1)) with { Id = reader.GetInt64(0) };
            rows.Add(new OutboxRow(
                notification,
                Time(reader.GetInt64(2)),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : Time(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : Time(reader.GetInt64(6))));
        }

        return rows;
    }

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
