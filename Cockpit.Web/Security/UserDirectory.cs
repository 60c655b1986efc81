using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using StoreOptions = Cockpit.Ingest.Storage.StoreOptions;
using StoreKind = Cockpit.Ingest.Storage.StoreKind;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>
/// The people who may sign in: <c>Cockpit:Users</c>, or the documented <see cref="DemoUsers"/> when none are
/// configured and the demo is on (warned about at start). Checks passwords with ASP.NET Core's <c>PasswordHasher</c>.
/// </summary>
public sealed partial class UserDirectory
{
    private readonly Dictionary<string, UserAccount> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly PasswordHasher<UserAccount> _hasher = new();

    public UserDirectory(IOptions<UsersOptions> options, IOptions<StoreOptions> store, ILogger<UserDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var configured = options.Value.Users;
        DemoUsersActive = configured.Count == 0 && (options.Value.DemoUsers ?? store.Value.Kind == StoreKind.Embedded);
        foreach (var user in DemoUsersActive ? DemoUsers.Accounts : configured)
        {
            _users[user.Name.Trim()] = new UserAccount
            {
                Name = user.Name.Trim(),
                PasswordHash = user.PasswordHash.Trim(),
                Role = CanonicalRole(user.Role),
                DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? null : user.DisplayName.Trim(),
            };
        }

        if (DemoUsersActive)
        {
            LogDemoUsers(logger, string.Join(", ", DemoUsers.Accounts.Select(u => u.Name)));
        }
        else if (_users.Count == 0)
        {
            LogNoUsers(logger);
        }
    }

    /// <summary>Whether the demo users are the ones signing in.</summary>
    public bool DemoUsersActive { get; }

    /// <summary>Every user, by name.</summary>
    public IReadOnlyCollection<UserAccount> Users => _users.Values;

    /// <summary>The user called <paramref name="name"/> (case does not matter), or null.</summary>
    public UserAccount? Find(string name) => _users.GetValueOrDefault(name.Trim());

    /// <summary>The user when <paramref name="password"/> is theirs, else null.</summary>
    public UserAccount? Verify(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);

        // An unknown name costs a hash check too, so the time taken does not tell which names exist.
        var user = Find(name);
        var hash = user?.PasswordHash ?? DemoUsers.Accounts[0].PasswordHash;
        var result = _hasher.VerifyHashedPassword(user ?? new UserAccount(), hash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    /// <summary>
    /// A digest of what the user signs in with (name, role, password hash): a session carrying another stamp was
    /// issued before the configuration changed and ends.
    /// </summary>
    public static string Stamp(UserAccount user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.Name.ToUpperInvariant()}\n{user.Role}\n{user.PasswordHash}")), 0, 16);
    }

    /// <summary>The signed-in principal of <paramref name="user"/>: name, role, display name and stamp.</summary>
    public static ClaimsPrincipal Principal(UserAccount user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(CockpitClaims.DisplayName, user.DisplayName ?? user.Name),
                new Claim(CockpitClaims.Stamp, Stamp(user)),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether a password session's user still exists unchanged.</summary>
    public bool IsCurrent(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.Identity?.Name;
        var user = name is null ? null : Find(name);
        return user is not null && string.Equals(principal.FindFirst(CockpitClaims.Stamp)?.Value, Stamp(user), StringComparison.Ordinal);
    }

    internal static string CanonicalRole(string role) =>
        ApiRoles.All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase)) ?? role;

    [LoggerMessage(EventId = 3500, Level = LogLevel.Warning, Message = "Demo users are active ({Names}, passwords documented in README): anyone can sign in to the dashboard, as admin too. Configure Cockpit:Users (and set Cockpit:DemoUsers to false) before exposing Cockpit.")]
    private static partial void LogDemoUsers(ILogger logger, string names);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "No dashboard users are configured (Cockpit:Users) and the demo users are off: nobody can sign in with a password")]
    private static partial void LogNoUsers(ILogger logger);
}
