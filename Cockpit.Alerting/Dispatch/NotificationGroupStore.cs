using System.Text.Json;
using System.Text.Json.Serialization;
using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Notifications;
using Cockpit.Alerting.Storage;
using Microsoft.Data.Sqlite;

namespace Cockpit.Alerting.Dispatch;

/// <summary>
/// The <c>notification_groups</c> table, and the one transaction that puts a message into the outbox together with
/// its group's new state: after a crash either both are there (the message is delivered, its alerts are not
/// announced again) or neither (the group is rebuilt from the alert book and sends the message then).
/// </summary>
internal sealed class NotificationGroupStore
{
    private readonly AlertingDatabase _database;

    public NotificationGroupStore(AlertingDatabase database)
    {
        _database = database;
        using var connection = database.Open();
        AlertingDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS notification_groups (
                group_key TEXT PRIMARY KEY,
                route TEXT NOT NULL,
                receiver TEXT NOT NULL,
                level INTEGER NOT NULL,
                team TEXT NOT NULL,
                group_labels TEXT NOT NULL,
                last_sent_at INTEGER NOT NULL,
                announced TEXT NOT NULL);
            """);
    }

    public IReadOnlyList<StoredGroup> Load()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_key, route, receiver, level, team, group_labels, last_sent_at, announced FROM notification_groups ORDER BY group_key";
        using var reader = command.ExecuteReader();
        var groups = new List<StoredGroup>();
        while (reader.Read())
        {
            groups.Add(new StoredGroup(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetString(4),
                JsonSerializer.Deserialize(reader.GetString(5), GroupStateJsonContext.Default.DictionaryStringString) ?? [],
                new DateTimeOffset(reader.GetInt64(6), TimeSpan.Zero),
                JsonSerializer.Deserialize(reader.GetString(7), GroupStateJsonContext.Default.Int64Array) ?? []));
        }

        return groups;
    }

    /// <summary>
    /// In one transaction: adds the message to the outbox and stores the group's state after it (or deletes the
    /// group's row when <paramref name="state"/> is null: it has nothing left to tell). Returns the outbox row id.
    /// </summary>
    public long Commit(Notification notification, StoredGroup? state)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        var id = NotificationOutbox.Add(transaction, notification);
        if (state is null)
        {
            Delete(transaction, notification.GroupKey);
        }
        else
        {
            Upsert(transaction, state);
        }

        transaction.Commit();
        return id;
    }

    /// <summary>Deletes a group's row (it has nothing left to tell).</summary>
    public void Delete(string key)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        Delete(transaction, key);
        transaction.Commit();
    }

    private static void Upsert(SqliteTransaction transaction, StoredGroup state)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO notification_groups (group_key, route, receiver, level, team, group_labels, last_sent_at, announced)
            VALUES ($key, $route, $receiver, $level, $team, $labels, $sent, $announced)
            ON CONFLICT (group_key) DO UPDATE SET last_sent_at = excluded.last_sent_at, announced = excluded.announced
            """;
        command.Parameters.AddWithValue("$key", state.Key);
        command.Parameters.AddWithValue("$route", state.Route);
        command.Parameters.AddWithValue("$receiver", state.Receiver);
        command.Parameters.AddWithValue("$level", state.Level);
        command.Parameters.AddWithValue("$team", state.Team);
        command.Parameters.AddWithValue("$labels", JsonSerializer.Serialize(
            new Dictionary<string, string>(state.GroupLabels, StringComparer.Ordinal), GroupStateJsonContext.Default.DictionaryStringString));
        command.Parameters.AddWithValue("$sent", state.LastSentAt.UtcTicks);
        command.Parameters.AddWithValue("$announced", JsonSerializer.Serialize(state.Announced.Order().ToArray(), GroupStateJsonContext.Default.Int64Array));
        command.ExecuteNonQuery();
    }

    private static void Delete(SqliteTransaction transaction, string key)
    {
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM notification_groups WHERE group_key = $key";
        command.Parameters.AddWithValue("$key", key);
        command.ExecuteNonQuery();
    }
}

[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class GroupStateJsonContext : JsonSerializerContext;
