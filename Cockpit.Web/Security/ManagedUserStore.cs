using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>
/// Dashboard users created by admins at run time, in SQLite (<c>DataDir/users.db</c>, WAL): name, display name, role,
/// the <c>PasswordHasher</c> hash (never the password), whether disabled, and who created and last changed each one.
/// Every change is also appended to a change log that outlives deleted users. The rules (names, roles, passwords,
/// who may change what) live in <see cref="UserAdministration"/>; this class only keeps what it is given.
/// </summary>
public sealed class ManagedUserStore
{
    /// <summary>The file in <c>DataDir</c>.</summary>
    public const string FileName = "users.db";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS users (
            name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            display_name TEXT,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            changed_at INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            last_change TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS user_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user_name TEXT NOT NULL,
            kind TEXT NOT NULL,
            detail TEXT,
            at INTEGER NOT NULL,
            by TEXT NOT NULL);
        """;

    private readonly Lock _lock = new();
    private readonly SqliteDataFile _file;
    private IReadOnlyDictionary<string, ManagedUser> _users;

    public ManagedUserStore(IOptions<CockpitOptions> cockpit)
    {
        ArgumentNullException.ThrowIfNull(cockpit);
        _file = new SqliteDataFile(cockpit.Value, FileName, Schema);
        using var connection = _file.Open();
        _users = Load(connection);
    }

    /// <summary>Raised after every change (outside the store's lock), so open admin screens show it.</summary>
    public event Action? Changed;

    /// <summary>Every managed user, by name.</summary>
    public IReadOnlyList<ManagedUser> List() => [.. Volatile.Read(ref _users).Values.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The managed user called <paramref name="name"/> (case does not matter), disabled or not; or null.</summary>
    public ManagedUser? Find(string name) => Volatile.Read(ref _users).GetValueOrDefault(name.Trim());

    /// <summary>Adds <paramref name="user"/>; false when a managed user of that name (in any case) exists.</summary>
    public bool TryAdd(ManagedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_lock)
        {
            if (_users.ContainsKey(user.Name))
            {
                return false;
            }

            user = user with { ChangedAt = user.CreatedAt, ChangedBy = user.CreatedBy, LastChange = UserChangeKind.Created };
            using var connection = _file.Open();
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = """
                    INSERT INTO users (name, display_name, role, password_hash, disabled, created_at, created_by, changed_at, changed_by, last_change)
                    VALUES ($name, $display, $role, $hash, $disabled, $created, $createdBy, $created, $createdBy, $change)
                    """;
                command.Parameters.AddWithValue("$name", user.Name);
                command.Parameters.AddWithValue("$display", (object?)user.DisplayName ?? DBNull.Value);
                command.Parameters.AddWithValue("$role", user.Role);
                command.Parameters.AddWithValue("$hash", user.PasswordHash);
                command.Parameters.AddWithValue("$disabled", user.Disabled ? 1 : 0);
                command.Parameters.AddWithValue("$created", user.CreatedAt.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$createdBy", user.CreatedBy);
                command.Parameters.AddWithValue("$change", nameof(UserChangeKind.Created));
                command.ExecuteNonQuery();
            }

            Append(connection, new UserChange(user.Name, UserChangeKind.Created, user.Role, user.CreatedAt, user.CreatedBy));
            transaction.Commit();
            _users = With(_users, user);
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>
    /// Applies <paramref name="change"/> (a role, a password hash, disabled or enabled) to the user called
    /// <paramref name="name"/> and records it as <paramref name="kind"/> by <paramref name="by"/> at <paramref name="at"/>;
    /// returns the changed user, or null when there is none.
    /// </summary>
    public ManagedUser? Update(string name, UserChangeKind kind, Func<ManagedUser, ManagedUser> change, DateTimeOffset at, string by)
    {
        ArgumentNullException.ThrowIfNull(change);
        ManagedUser changed;
        lock (_lock)
        {
            if (!_users.TryGetValue(name.Trim(), out var user))
            {
                return null;
            }

            changed = change(user) with { Name = user.Name, CreatedAt = user.CreatedAt, CreatedBy = user.CreatedBy, ChangedAt = at, ChangedBy = by, LastChange = kind };
            using var connection = _file.Open();
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = """
                    UPDATE users SET display_name = $display, role = $role, password_hash = $hash, disabled = $disabled,
                        changed_at = $at, changed_by = $by, last_change = $change
                    WHERE name = $name
                    """;
                command.Parameters.AddWithValue("$name", user.Name);
                command.Parameters.AddWithValue("$display", (object?)changed.DisplayName ?? DBNull.Value);
                command.Parameters.AddWithValue("$role", changed.Role);
                command.Parameters.AddWithValue("$hash", changed.PasswordHash);
                command.Parameters.AddWithValue("$disabled", changed.Disabled ? 1 : 0);
                command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$by", by);
                command.Parameters.AddWithValue("$change", kind.ToString());
                command.ExecuteNonQuery();
            }

            Append(connection, new UserChange(user.Name, kind, kind == UserChangeKind.RoleChanged ? changed.Role : null, at, by));
            transaction.Commit();
            _users = With(_users, changed);
        }

        Changed?.Invoke();
        return changed;
    }

    /// <summary>Deletes the user called <paramref name="name"/> (the change log keeps the deletion); false when there is none.</summary>
    public bool Remove(string name, DateTimeOffset at, string by)
    {
        lock (_lock)
        {
            if (!_users.TryGetValue(name.Trim(), out var user))
            {
                return false;
            }

            using var connection = _file.Open();
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "DELETE FROM users WHERE name = $name";
                command.Parameters.AddWithValue("$name", user.Name);
                command.ExecuteNonQuery();
            }

            Append(connection, new UserChange(user.Name, UserChangeKind.Deleted, null, at, by));
            transaction.Commit();
            var copy = new Dictionary<string, ManagedUser>(_users, StringComparer.OrdinalIgnoreCase);
            copy.Remove(user.Name);
            _users = copy;
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>Records a change that is not to a stored user (unlocking a user name).</summary>
    public void Record(UserChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            using var connection = _file.Open();
            Append(connection, change);
        }

        Changed?.Invoke();
    }

    /// <summary>The latest <paramref name="max"/> changes, newest first.</summary>
    public IReadOnlyList<UserChange> Changes(int max = 50)
    {
        using var connection = _file.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, kind, detail, at, by FROM user_changes ORDER BY id DESC LIMIT $max";
        command.Parameters.AddWithValue("$max", max);
        using var r = command.ExecuteReader();
        var changes = new List<UserChange>();
        while (r.Read())
        {
            changes.Add(new UserChange(
                r.GetString(0),
                Enum.Parse<UserChangeKind>(r.GetString(1)),
                r.IsDBNull(2) ? null : r.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)),
                r.GetString(4)));
        }

        return changes;
    }

    private static void Append(SqliteConnection connection, UserChange change)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO user_changes (user_name, kind, detail, at, by) VALUES ($user, $kind, $detail, $at, $by)";
        command.Parameters.AddWithValue("$user", change.UserName);
        command.Parameters.AddWithValue("$kind", change.Kind.ToString());
        command.Parameters.AddWithValue("$detail", (object?)change.Detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", change.At.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$by", change.By);
        command.ExecuteNonQuery();
    }

    private static Dictionary<string, ManagedUser> With(IReadOnlyDictionary<string, ManagedUser> users, ManagedUser user) =>
        new(users, StringComparer.OrdinalIgnoreCase) { [user.Name] = user };

    private static Dictionary<string, ManagedUser> Load(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, display_name, role, password_hash, disabled, created_at, created_by, changed_at, changed_by, last_change FROM users";
        using var r = command.ExecuteReader();
        var users = new Dictionary<string, ManagedUser>(StringComparer.OrdinalIgnoreCase);
        while (r.Read())
        {
            var user = new ManagedUser(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)), r.GetString(6))
            {
                Disabled = r.GetInt64(4) != 0,
                ChangedAt = DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(7)),
                ChangedBy = r.GetString(8),
                LastChange = Enum.Parse<UserChangeKind>(r.GetString(9)),
            };
            users[user.Name] = user;
        }

        return users;
    }
}
