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
/// configured and the demo is on (warned about at start); and the enabled users admins created in
/// <see cref="ManagedUserStore"/>. A configured user wins over a managed one of the same name (the managed one is
/// shadowed; creating one with a configured name is refused). Checks passwords with ASP.NET Core's <c>PasswordHasher</c>.
/// </summary>
public sealed partial class UserDirectory
{
    private readonly Dictionary<string, UserAccount> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly PasswordHasher<UserAccount> _hasher = new();
    private readonly ManagedUserStore _managed;

    public UserDirectory(IOptions<UsersOptions> options, IOptions<StoreOptions> store, ManagedUserStore managed, ILogger<UserDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(managed);
        _managed = managed;
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

    /// <summary>Every user from configuration (or the demo users), by name; not the managed ones.</summary>
    public IReadOnlyCollection<UserAccount> Users => _users.Values;

    /// <summary>Whether <paramref name="name"/> is a configured (or demo) user's name, case aside.</summary>
    public bool IsConfigured(string name) => _users.ContainsKey(name.Trim());

    /// <summary>
    /// The user called <paramref name="name"/> (case does not matter) who may sign in now: the configured one, else an
    /// enabled managed one; or null.
    /// </summary>
    public UserAccount? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_users.TryGetValue(name.Trim(), out var configured))
        {
            return configured;
        }

        return _managed.Find(name) is { Disabled: false } managed ? managed.ToAccount() : null;
    }

    /// <summary>How many admins can sign in with a password now: configured (or demo) ones and enabled, unshadowed managed ones.</summary>
    public int AdminCount() =>
        _users.Values.Count(u => u.Role == ApiRoles.Admin)
        + _managed.List().Count(u => !u.Disabled && u.Role == ApiRoles.Admin && !IsConfigured(u.Name));

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
