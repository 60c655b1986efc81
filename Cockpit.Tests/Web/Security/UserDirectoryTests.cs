using System.Security.Claims;
using StoreKind = Cockpit.Ingest.Storage.StoreKind;
using StoreOptions = Cockpit.Ingest.Storage.StoreOptions;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Security;

public sealed class UserDirectoryTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private static readonly string LiWeiHash = new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), "li.wei-password");

    private readonly LogCapture _logs = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private UserDirectory Create(IEnumerable<UserAccount> users, bool? demo = null, StoreKind store = StoreKind.Embedded)
    {
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return new UserDirectory(
            Options.Create(new UsersOptions { Users = [.. users], DemoUsers = demo }),
            Options.Create(new StoreOptions { Kind = store }),
            new ManagedUserStore(Options.Create(new CockpitOptions { DataDir = _data.Path })),
            factory.CreateLogger<UserDirectory>());
    }

    private static UserAccount LiWei(string role = "OnCall") => new() { Name = " li.wei ", Role = role, PasswordHash = LiWeiHash, DisplayName = "Li Wei" };

    [Fact]
    public void DemoUsers_DocumentedPasswords_MatchTheirHashes()
    {
        var hasher = new PasswordHasher<UserAccount>();

        Assert.Equal(ApiRoles.All, DemoUsers.Accounts.Select(u => u.Role));
        Assert.All(DemoUsers.Accounts, u =>
        {
            Assert.Equal(u.Role, u.Name);
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(u, u.PasswordHash, u.Role + "-demo"));
        });
    }

    [Theory]
    [InlineData(null, StoreKind.Embedded, true)]
    [InlineData(null, StoreKind.InfluxDb, false)]
    [InlineData(true, StoreKind.InfluxDb, true)]
    [InlineData(false, StoreKind.Embedded, false)]
    public void DemoUsersActive_NoUsers_FollowsTheSwitchElseTheStore(bool? demo, StoreKind store, bool active)
    {
        var users = Create([], demo, store);

        Assert.Equal(active, users.DemoUsersActive);
        Assert.Equal(active ? 4 : 0, users.Users.Count);
        Assert.Equal(active, _logs.ToString().Contains("Warning Cockpit.Web.Security.UserDirectory[3500]: Demo users are active (viewer, oncall, analyst, admin", StringComparison.Ordinal));
        Assert.Equal(!active, _logs.ToString().Contains("[3501]", StringComparison.Ordinal));
    }

    [Fact]
    public void DemoUsers_AnyUserConfigured_NeverSeededNorWarned()
    {
        var users = Create([LiWei()], demo: true);

        Assert.False(users.DemoUsersActive);
        Assert.Null(users.Verify("admin", "admin-demo"));
        Assert.DoesNotContain("[3500]", _logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RightPasswordAnyCaseOfName_TheUserWithCanonicalRole()
    {
        var users = Create([LiWei()]);

        var user = users.Verify("LI.WEI", "li.wei-password");

        Assert.NotNull(user);
        Assert.Equal("li.wei", user.Name);
        Assert.Equal("oncall", user.Role);
    }

    [Theory]
    [InlineData("li.wei", "li.wei-passwordx")]
    [InlineData("li.wei", "")]
    [InlineData("wang.fang", "li.wei-password")]
    [InlineData("", "li.wei-password")]
    public void Verify_WrongPasswordOrUnknownName_Null(string name, string password) => Assert.Null(Create([LiWei()]).Verify(name, password));

    [Fact]
    public void Principal_CarriesNameRoleDisplayNameAndStamp()
    {
        var user = Create([LiWei()]).Find("li.wei")!;

        var principal = UserDirectory.Principal(user, "test");

        Assert.Equal("li.wei", principal.Identity!.Name);
        Assert.True(principal.IsInRole("oncall"));
        Assert.False(principal.IsInRole("admin"));
        Assert.Equal(["oncall"], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal("Li Wei", principal.FindFirst(CockpitClaims.DisplayName)!.Value);
        Assert.Equal(UserDirectory.Stamp(user), principal.FindFirst(CockpitClaims.Stamp)!.Value);
    }

    [Fact]
    public void IsCurrent_UserChangedOrRemovedInConfiguration_False()
    {
        var before = Create([LiWei()]);
        var session = UserDirectory.Principal(before.Find("li.wei")!, "test");

        Assert.True(before.IsCurrent(session));
        Assert.True(Create([LiWei()]).IsCurrent(session));
        Assert.False(Create([LiWei("admin")]).IsCurrent(session));
        Assert.False(Create([new UserAccount { Name = "li.wei", Role = "oncall", PasswordHash = DemoUsers.Accounts[0].PasswordHash }]).IsCurrent(session));
        Assert.False(Create([], demo: false).IsCurrent(session));
    }
}
