using System.Security.Claims;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StoreOptions = Cockpit.Ingest.Storage.StoreOptions;

namespace Cockpit.Tests.Web.Security;

public sealed class SessionValidatorTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private static readonly DisplayKey Lobby = new() { Name = "lobby", Secret = "lobby-secret-0123456789" };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private SessionValidator Create(bool demo = true, bool oidc = false, params DisplayKey[] keys) => new(
        new UserDirectory(Options.Create(new UsersOptions { DemoUsers = demo }), Options.Create(new StoreOptions()), new ManagedUserStore(Options.Create(new CockpitOptions { DataDir = _data.Path })), NullLogger<UserDirectory>.Instance),
        new DisplayKeyAuthenticator(Options.Create(new DisplayOptions { Keys = [.. keys] })),
        new OidcSettings(Options.Create(oidc ? new OidcOptions { Authority = "https://sso.example", ClientId = "cockpit" } : new OidcOptions())));

    [Fact]
    public void IsCurrent_EachKindOfSession_WhileItsSourceIsConfigured()
    {
        var user = UserDirectory.Principal(DemoUsers.Accounts[1], "cookie");
        var display = DisplayKeyAuthenticator.Principal(Lobby, "cookie");
        var sso = OidcRegistration.CockpitPrincipal(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "7"), new Claim("roles", "admin")], "oidc")), new OidcOptions())!;

        var all = Create(demo: true, oidc: true, Lobby);
        Assert.True(all.IsCurrent(user));
        Assert.True(all.IsCurrent(display));
        Assert.True(all.IsCurrent(sso));

        var none = Create(demo: false, oidc: false);
        Assert.False(none.IsCurrent(user));
        Assert.False(none.IsCurrent(display));
        Assert.False(none.IsCurrent(sso));
        Assert.False(all.IsCurrent(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.False(all.IsCurrent(null));
    }
}
