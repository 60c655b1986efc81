using System.Security.Claims;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StoreOptions = Cockpit.Ingest.Storage.StoreOptions;

namespace Cockpit.Tests.Web.Security;

/// <summary>
/// The users' services wired as the host wires them, on a real <c>users.db</c> in a temp folder and a fake clock:
/// configured users, the managed store, the directory, the throttle, the session check and the administration.
/// </summary>
public sealed class UsersHarness : IDisposable
{
    /// <summary>Password of every configured user made by <see cref="Configured"/>.</summary>
    public const string ConfiguredPassword = "configured-password-0123";

    // Hashing is deliberately slow: once per test process.
    private static readonly Lazy<string> ConfiguredHash = new(() => new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), ConfiguredPassword));

    private readonly ILoggerFactory _loggers;

    public UsersHarness(IEnumerable<UserAccount>? configured = null, bool demo = false, TempDirectory? data = null)
    {
        Data = data ?? new TempDirectory();
        _loggers = LoggerFactory.Create(b => b.AddProvider(Logs));
        Cockpit = Options.Create(new CockpitOptions { DataDir = Data.Path });
        Store = new ManagedUserStore(Cockpit);
        Directory = new UserDirectory(
            Options.Create(new UsersOptions { Users = [.. configured ?? []], DemoUsers = demo }),
            Options.Create(new StoreOptions()),
            Store,
            _loggers.CreateLogger<UserDirectory>());
        Throttle = new LoginThrottle(Options.Create(new LoginOptions()), Time);
        Sessions = new SessionValidator(Directory, new DisplayKeyAuthenticator(Options.Create(new DisplayOptions())), new OidcSettings(Options.Create(new OidcOptions())));
        Admin = new UserAdministration(Directory, Store, Throttle, Sessions, Time, _loggers.CreateLogger<UserAdministration>());
    }

    public TempDirectory Data { get; }

    public IOptions<CockpitOptions> Cockpit { get; }

    public LogCapture Logs { get; } = new();

    public FakeTimeProvider Time { get; } = new(Points.Monday.AddHours(9));

    public ManagedUserStore Store { get; }

    public UserDirectory Directory { get; }

    public LoginThrottle Throttle { get; }

    public SessionValidator Sessions { get; }

    public UserAdministration Admin { get; }

    /// <summary>A configured user with <see cref="ConfiguredPassword"/>.</summary>
    public static UserAccount Configured(string name, string role) => new() { Name = name, Role = role, PasswordHash = ConfiguredHash.Value, DisplayName = "Configured " + name };

    /// <summary>The session <paramref name="name"/> gets when signing in now (with the stamp of their current credential).</summary>
    public ClaimsPrincipal SessionOf(string name) => UserDirectory.Principal(Directory.Find(name) ?? throw new InvalidOperationException($"{name} cannot sign in."), "Cookies");

    /// <summary>An API caller (token, no session stamp) with <paramref name="role"/>.</summary>
    public static ClaimsPrincipal ApiCaller(string name, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "ApiToken", ClaimTypes.Name, ClaimTypes.Role));

    public void Dispose()
    {
        _loggers.Dispose();
        SqliteConnection.ClearAllPools();
        Data.Dispose();
    }
}
