using Cockpit.Web.Security;
using Microsoft.Data.Sqlite;

namespace Cockpit.Tests.Web.Security;

/// <summary>The managed users' SQLite file: what is kept, what a restart keeps, and the change log.</summary>
public sealed class ManagedUserStoreTests : IDisposable
{
    private readonly UsersHarness _users = new();

    public void Dispose() => _users.Dispose();

    private static ManagedUser User(string name, string role = ApiRoles.OnCall) =>
        new(name, "Display " + name, role, "AQAAAAIAAYagAAAAEHASH" + name, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "admin.zhang");

    [Fact]
    public void TryAdd_ThenRestart_UserKeptInAWalFile()
    {
        Assert.True(_users.Store.TryAdd(User("li.wei")));

        var reopened = new ManagedUserStore(_users.Cockpit);

        var user = Assert.Single(reopened.List());
        Assert.Equal(User("li.wei") with { ChangedAt = user.CreatedAt, ChangedBy = "admin.zhang", LastChange = UserChangeKind.Created }, user);
        Assert.False(user.Disabled);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_users.Data.Path, ManagedUserStore.FileName)}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void TryAdd_SameNameInOtherCase_Refused()
    {
        Assert.True(_users.Store.TryAdd(User("li.wei")));

        Assert.False(_users.Store.TryAdd(User("LI.WEI", ApiRoles.Admin)));
        Assert.Equal(ApiRoles.OnCall, _users.Store.Find(" Li.Wei ")!.Role);
    }

    [Fact]
    public void UpdateAndRemove_RecordWhoAndWhen_AndARestartKeepsThem()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        _users.Store.TryAdd(User("li.wei"));
        _users.Store.TryAdd(User("wang.fang"));

        var changed = _users.Store.Update("LI.WEI", UserChangeKind.RoleChanged, u => u with { Role = ApiRoles.Admin }, at, "admin.chen");
        _users.Store.Update("li.wei", UserChangeKind.Disabled, u => u with { Disabled = true }, at.AddMinutes(1), "admin.chen");
        Assert.True(_users.Store.Remove("wang.fang", at.AddMinutes(2), "admin.zhang"));

        Assert.Equal(ApiRoles.Admin, changed!.Role);
        var reopened = new ManagedUserStore(_users.Cockpit);
        var user = Assert.Single(reopened.List());
        Assert.Equal(("li.wei", ApiRoles.Admin, true, UserChangeKind.Disabled, "admin.chen", at.AddMinutes(1)), (user.Name, user.Role, user.Disabled, user.LastChange, user.ChangedBy, user.ChangedAt));
        Assert.Equal(
            [
                ("wang.fang", UserChangeKind.Deleted, null, "admin.zhang"),
                ("li.wei", UserChangeKind.Disabled, null, "admin.chen"),
                ("li.wei", UserChangeKind.RoleChanged, "admin", "admin.chen"),
                ("wang.fang", UserChangeKind.Created, "oncall", "admin.zhang"),
                ("li.wei", UserChangeKind.Created, "oncall", "admin.zhang"),
            ],
            reopened.Changes().Select(c => (c.UserName, c.Kind, c.Detail, c.By)));
        Assert.Equal(at.AddMinutes(2), reopened.Changes(1)[0].At);
    }

    [Fact]
    public void UpdateOrRemove_Unknown_NothingChangesNorIsRecorded()
    {
        var raised = 0;
        _users.Store.Changed += () => raised++;

        Assert.Null(_users.Store.Update("nobody", UserChangeKind.Disabled, u => u with { Disabled = true }, DateTimeOffset.UnixEpoch, "admin"));
        Assert.False(_users.Store.Remove("nobody", DateTimeOffset.UnixEpoch, "admin"));

        Assert.Empty(_users.Store.Changes());
        Assert.Equal(0, raised);
        _users.Store.TryAdd(User("li.wei"));
        Assert.Equal(1, raised);
    }
}
