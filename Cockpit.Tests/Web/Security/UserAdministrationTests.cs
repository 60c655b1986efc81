using System.Security.Claims;
using System.Text;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;

namespace Cockpit.Tests.Web.Security;

/// <summary>
/// Admins managing users on the real store and directory: the rules for new users, the merge with configured users,
/// sessions that end after a change, the guards against locking everyone out, and unlocking names.
/// </summary>
public sealed class UserAdministrationTests : IDisposable
{
    private const string Evil = "<img src=x onerror=alert(1)>";
    private const string Password = "li.wei-password-2026";

    private readonly UsersHarness _users = new([UsersHarness.Configured("admin.zhang", ApiRoles.Admin), UsersHarness.Configured("viewer.chen", ApiRoles.Viewer)]);

    public void Dispose() => _users.Dispose();

    private ClaimsPrincipal Zhang => _users.SessionOf("admin.zhang");

    private UserAdminOutcome CreateLiWei(string role = ApiRoles.OnCall, UsersHarness? users = null, ClaimsPrincipal? by = null) =>
        (users ?? _users).Admin.Create(by ?? Zhang, "li.wei", "李伟 Li Wei", role, Password);

    [Fact]
    public void Create_ValidUser_SignsInWithTheRoleAndOnlyAHashIsStored()
    {
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.Create(Zhang, " li.wei ", " 李伟 Li Wei ", "OnCall", Password));

        var user = _users.Directory.Verify("LI.WEI", Password);
        Assert.NotNull(user);
        Assert.Equal(("li.wei", "oncall", "李伟 Li Wei"), (user.Name, user.Role, user.DisplayName));
        Assert.Null(_users.Directory.Verify("li.wei", Password + "x"));
        var managed = _users.Store.Find("li.wei")!;
        Assert.Equal(("admin.zhang", _users.Time.GetUtcNow()), (managed.CreatedBy, managed.CreatedAt));
        Assert.True(PasswordHashFormat.IsValid(managed.PasswordHash, out _));
        SqliteFiles(file => Assert.DoesNotContain(Password, file, StringComparison.Ordinal));
        Assert.Contains("[3600]: Dashboard user li.wei created as oncall by admin.zhang", _users.Logs.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "viewer", Password, UserAdminOutcome.BadName)]
    [InlineData("li wei", "viewer", Password, UserAdminOutcome.BadName)]
    [InlineData(Evil, "viewer", Password, UserAdminOutcome.BadName)]
    [InlineData("a123456789b123456789c123456789d123456789e123456789f123456789g1234", "viewer", Password, UserAdminOutcome.BadName)]
    [InlineData("li.wei", "boss", Password, UserAdminOutcome.BadRole)]
    [InlineData("li.wei", "", Password, UserAdminOutcome.BadRole)]
    [InlineData("li.wei", "viewer", "eleven-char", UserAdminOutcome.WeakPassword)]
    [InlineData("li.wei.2026x", "viewer", "LI.WEI.2026X", UserAdminOutcome.WeakPassword)]
    [InlineData("li.wei", "viewer", "            ", UserAdminOutcome.WeakPassword)]
    [InlineData("ADMIN.zhang", "viewer", Password, UserAdminOutcome.NameConfigured)]
    public void Create_BreaksARule_RefusedWithTheReasonAndNothingStored(string name, string role, string password, UserAdminOutcome outcome)
    {
        Assert.Equal(outcome, _users.Admin.Create(Zhang, name, null, role, password));

        Assert.Empty(_users.Store.List());
        Assert.Empty(_users.Store.Changes());
    }

    [Fact]
    public void Create_Allowed_ChineseNamesTwelveCharactersAndEmailLikeNames()
    {
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.Create(Zhang, "李伟", null, "viewer", "twelve-chars"));
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.Create(Zhang, "wang.fang@example.cn", null, "analyst", Password));
        Assert.Equal(UserAdminOutcome.BadDisplayName, _users.Admin.Create(Zhang, "chen", "line\nbreak", "analyst", Password));
        Assert.Equal(UserAdminOutcome.NameTaken, _users.Admin.Create(Zhang, "WANG.FANG@example.cn", null, "viewer", Password));
    }

    [Fact]
    public void Create_NameOfADemoUserWhileTheyAreActive_Refused()
    {
        using var demo = new UsersHarness(demo: true);

        Assert.Equal(UserAdminOutcome.NameConfigured, demo.Admin.Create(demo.SessionOf("admin"), "Analyst", null, "analyst", Password));
        Assert.Equal(UserAdminOutcome.Done, demo.Admin.Create(demo.SessionOf("admin"), "li.wei", null, "analyst", Password));
        Assert.Equal([UserSource.Demo, UserSource.Demo, UserSource.Demo, UserSource.Demo, UserSource.Managed], demo.Admin.List().Select(u => u.Source));
    }

    [Fact]
    public void ConfigurationAddsTheNameLater_ConfigurationWinsAndTheManagedOneIsShadowed()
    {
        CreateLiWei(ApiRoles.Admin);

        // The next start has li.wei in configuration too, as a viewer with another password.
        using var restarted = new UsersHarness([UsersHarness.Configured("admin.zhang", ApiRoles.Admin), UsersHarness.Configured("LI.WEI", ApiRoles.Viewer)], data: _users.Data);

        Assert.Null(restarted.Directory.Verify("li.wei", Password));
        Assert.Equal(ApiRoles.Viewer, restarted.Directory.Verify("li.wei", UsersHarness.ConfiguredPassword)!.Role);
        var entries = restarted.Admin.List();
        Assert.Equal(["admin.zhang", "LI.WEI", "li.wei"], entries.Select(e => e.Name));
        Assert.Equal([false, false, true], entries.Select(e => e.Shadowed));
        Assert.False(entries[2].CanSignIn);
        Assert.Equal(1, restarted.Directory.AdminCount());
    }

    [Fact]
    public void List_ConfiguredFirstReadOnlyThenManagedWithTheirState()
    {
        CreateLiWei();
        _users.Admin.SetDisabled(Zhang, "li.wei", disabled: true);

        var entries = _users.Admin.List();

        Assert.Equal(
            [("admin.zhang", ApiRoles.Admin, UserSource.Configuration, false), ("viewer.chen", ApiRoles.Viewer, UserSource.Configuration, false), ("li.wei", ApiRoles.OnCall, UserSource.Managed, true)],
            entries.Select(e => (e.Name, e.Role, e.Source, e.Disabled)));
        Assert.Equal(UserChangeKind.Disabled, entries[2].Managed!.LastChange);
    }

    [Fact]
    public void ConfiguredUser_CannotBeChangedHere()
    {
        Assert.Equal(UserAdminOutcome.ConfiguredUser, _users.Admin.SetDisabled(Zhang, "viewer.chen", disabled: true));
        Assert.Equal(UserAdminOutcome.ConfiguredUser, _users.Admin.ChangeRole(Zhang, "viewer.chen", ApiRoles.Admin));
        Assert.Equal(UserAdminOutcome.ConfiguredUser, _users.Admin.ResetPassword(Zhang, "viewer.chen", Password));
        Assert.Equal(UserAdminOutcome.ConfiguredUser, _users.Admin.Delete(Zhang, "VIEWER.CHEN"));
        Assert.Equal(UserAdminOutcome.UnknownUser, _users.Admin.Delete(Zhang, "nobody"));
        Assert.NotNull(_users.Directory.Verify("viewer.chen", UsersHarness.ConfiguredPassword));
    }

    [Fact]
    public void Disable_SessionEndsAndSignInRefused_EnableLetsThemBackWithANewSession()
    {
        CreateLiWei();
        var session = _users.SessionOf("li.wei");
        Assert.True(_users.Sessions.IsCurrent(session));

        Assert.Equal(UserAdminOutcome.Done, _users.Admin.SetDisabled(Zhang, "li.wei", disabled: true));

        Assert.False(_users.Sessions.IsCurrent(session));
        Assert.Null(_users.Directory.Verify("li.wei", Password));
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.SetDisabled(Zhang, "li.wei", disabled: false));
        Assert.NotNull(_users.Directory.Verify("li.wei", Password));
        Assert.True(_users.Sessions.IsCurrent(_users.SessionOf("li.wei")));
    }

    [Fact]
    public void ChangeRole_OldSessionEndsAndTheNextSignInHasTheNewRole()
    {
        CreateLiWei();
        var session = _users.SessionOf("li.wei");

        Assert.Equal(UserAdminOutcome.Done, _users.Admin.ChangeRole(Zhang, "li.wei", "Analyst"));

        Assert.False(_users.Sessions.IsCurrent(session));
        Assert.True(_users.SessionOf("li.wei").IsInRole(ApiRoles.Analyst));
        Assert.Equal((UserChangeKind.RoleChanged, "analyst", "admin.zhang"), (_users.Store.Changes(1)[0].Kind, _users.Store.Changes(1)[0].Detail, _users.Store.Changes(1)[0].By));
        Assert.Equal(UserAdminOutcome.BadRole, _users.Admin.ChangeRole(Zhang, "li.wei", "root"));
    }

    [Fact]
    public void ResetPassword_OldPasswordAndSessionEnd_NewPasswordWorks()
    {
        CreateLiWei();
        var session = _users.SessionOf("li.wei");

        Assert.Equal(UserAdminOutcome.WeakPassword, _users.Admin.ResetPassword(Zhang, "li.wei", "short"));
        Assert.True(_users.Sessions.IsCurrent(session));
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.ResetPassword(Zhang, "li.wei", "a-new-password-2026"));

        Assert.False(_users.Sessions.IsCurrent(session));
        Assert.Null(_users.Directory.Verify("li.wei", Password));
        Assert.NotNull(_users.Directory.Verify("li.wei", "a-new-password-2026"));
        Assert.Equal(UserChangeKind.PasswordReset, _users.Store.Find("li.wei")!.LastChange);
    }

    [Fact]
    public void Delete_UserGoneSessionEndsAndTheLogKeepsWhoDeletedIt()
    {
        CreateLiWei();
        var session = _users.SessionOf("li.wei");

        Assert.Equal(UserAdminOutcome.Done, _users.Admin.Delete(Zhang, "LI.WEI"));

        Assert.False(_users.Sessions.IsCurrent(session));
        Assert.Null(_users.Store.Find("li.wei"));
        Assert.Equal(("li.wei", UserChangeKind.Deleted, "admin.zhang"), (_users.Store.Changes(1)[0].UserName, _users.Store.Changes(1)[0].Kind, _users.Store.Changes(1)[0].By));
    }

    [Fact]
    public void OwnAccount_CannotBeDisabledDeletedOrDemoted_PasswordMayBeChanged()
    {
        CreateLiWei(ApiRoles.Admin);
        var liWei = _users.SessionOf("li.wei");

        Assert.Equal(UserAdminOutcome.OwnAccount, _users.Admin.SetDisabled(liWei, "li.wei", disabled: true));
        Assert.Equal(UserAdminOutcome.OwnAccount, _users.Admin.Delete(liWei, "Li.Wei"));
        Assert.Equal(UserAdminOutcome.OwnAccount, _users.Admin.ChangeRole(liWei, "li.wei", ApiRoles.Viewer));
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.ChangeRole(liWei, "li.wei", ApiRoles.Admin));

        Assert.True(_users.Sessions.IsCurrent(liWei));
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.ResetPassword(liWei, "li.wei", "another-password-2026"));
    }

    [Fact]
    public void LastAdmin_CannotBeDisabledDeletedOrDemoted_UntilThereIsAnother()
    {
        // No admin in configuration: li.wei, created through the API, is the only one who can sign in as admin.
        using var users = new UsersHarness([UsersHarness.Configured("viewer.chen", ApiRoles.Viewer)]);
        var token = UsersHarness.ApiCaller("ops-token", ApiRoles.Admin);
        CreateLiWei(ApiRoles.Admin, users, token);

        Assert.Equal(UserAdminOutcome.LastAdmin, users.Admin.SetDisabled(token, "li.wei", disabled: true));
        Assert.Equal(UserAdminOutcome.LastAdmin, users.Admin.Delete(token, "li.wei"));
        Assert.Equal(UserAdminOutcome.LastAdmin, users.Admin.ChangeRole(token, "li.wei", ApiRoles.OnCall));
        Assert.Contains("[3608]: ops-token may not disable, delete or demote li.wei: no other admin could sign in", users.Logs.ToString(), StringComparison.Ordinal);

        // A disabled admin does not count; an enabled one does.
        Assert.Equal(UserAdminOutcome.Done, users.Admin.Create(token, "wang.fang", null, ApiRoles.Admin, Password));
        Assert.Equal(UserAdminOutcome.Done, users.Admin.SetDisabled(token, "wang.fang", disabled: true));
        Assert.Equal(UserAdminOutcome.LastAdmin, users.Admin.ChangeRole(token, "li.wei", ApiRoles.OnCall));
        Assert.Equal(UserAdminOutcome.Done, users.Admin.SetDisabled(token, "wang.fang", disabled: false));
        Assert.Equal(UserAdminOutcome.Done, users.Admin.ChangeRole(token, "li.wei", ApiRoles.OnCall));
        Assert.Equal(UserAdminOutcome.LastAdmin, users.Admin.Delete(token, "wang.fang"));
    }

    [Fact]
    public void NotAnAdminOrAStaleAdminSession_EveryActionRefused()
    {
        CreateLiWei(ApiRoles.Admin);
        CreateLiWeiLikeUser("wang.fang");
        var staleAdmin = _users.SessionOf("li.wei");
        _users.Admin.ChangeRole(Zhang, "li.wei", ApiRoles.Viewer);
        var viewer = _users.SessionOf("viewer.chen");
        _users.Throttle.Failed("wang.fang");

        foreach (var caller in new ClaimsPrincipal?[] { viewer, staleAdmin, UsersHarness.ApiCaller("viewer-token", ApiRoles.Viewer), new(new ClaimsIdentity()), null })
        {
            Assert.Equal(UserAdminOutcome.NotAllowed, _users.Admin.Create(caller, "sneaky", null, ApiRoles.Admin, Password));
            Assert.Equal(UserAdminOutcome.NotAllowed, _users.Admin.ChangeRole(caller, "wang.fang", ApiRoles.Admin));
            Assert.Equal(UserAdminOutcome.NotAllowed, _users.Admin.ResetPassword(caller, "wang.fang", Password + "!"));
            Assert.Equal(UserAdminOutcome.NotAllowed, _users.Admin.SetDisabled(caller, "wang.fang", disabled: true));
            Assert.Equal(UserAdminOutcome.NotAllowed, _users.Admin.Delete(caller, "wang.fang"));
            Assert.Equal(UserAdminOutcome.NotAllowed, _users.Admin.Unlock(caller, "wang.fang"));
        }

        Assert.Null(_users.Store.Find("sneaky"));
        var wang = _users.Store.Find("wang.fang")!;
        Assert.Equal((ApiRoles.Viewer, false, UserChangeKind.Created), (wang.Role, wang.Disabled, wang.LastChange));
        Assert.Contains("[3607]: li.wei tried to create user 'sneaky' without being a signed-in admin: refused", _users.Logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unlock_LockedName_ListedUntilUnlockedThenSignsInAndTheChangeIsRecorded()
    {
        CreateLiWei();
        var changes = 0;
        _users.Throttle.LockoutsChanged += () => changes++;
        for (var i = 0; i < 5; i++)
        {
            _users.Throttle.Failed("LI.WEI");
            _users.Time.Advance(TimeSpan.FromSeconds(10));
        }

        _users.Throttle.Failed(Evil);
        var locked = Assert.Single(_users.Admin.Locked());
        Assert.Equal(("LI.WEI", Points.Monday.AddHours(9).AddMinutes(5)), (locked.Name, locked.Until));
        Assert.Equal(1, changes);

        Assert.Equal(UserAdminOutcome.Done, _users.Admin.Unlock(Zhang, "li.wei"));

        Assert.Empty(_users.Admin.Locked());
        Assert.Null(_users.Throttle.LockedFor("li.wei"));
        Assert.Equal(2, changes);
        Assert.Equal(("li.wei", UserChangeKind.Unlocked, "admin.zhang"), (_users.Store.Changes(1)[0].UserName, _users.Store.Changes(1)[0].Kind, _users.Store.Changes(1)[0].By));
        Assert.Equal(UserAdminOutcome.NotLocked, _users.Admin.Unlock(Zhang, "li.wei"));
    }

    [Fact]
    public void Locked_ExpiresByItselfAfterTheWindow()
    {
        for (var i = 0; i < 5; i++)
        {
            _users.Throttle.Failed("viewer.chen");
        }

        Assert.Single(_users.Admin.Locked());
        _users.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(_users.Admin.Locked());
    }

    private void CreateLiWeiLikeUser(string name) => Assert.Equal(UserAdminOutcome.Done, _users.Admin.Create(Zhang, name, null, ApiRoles.Viewer, Password));

    private void SqliteFiles(Action<string> check)
    {
        foreach (var file in Directory.GetFiles(_users.Data.Path, ManagedUserStore.FileName + "*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            check(reader.ReadToEnd());
        }
    }
}
