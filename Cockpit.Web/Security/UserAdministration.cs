using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Cockpit.Web.Security;

/// <summary>
/// What admins may do to the dashboard's users, with the rules in one place for the admin screen and
/// <c>/api/users</c>: create managed users (name rules, a known role, a password of at least
/// <see cref="MinPasswordLength"/> characters, hashed with <c>PasswordHasher</c>), change their role, reset their
/// password, disable, enable and delete them, and unlock user names <see cref="LoginThrottle"/> locked. Configured users
/// are read-only. Nobody disables, deletes or demotes their own account or the last admin who can sign in. Every call
/// checks on the server that the caller is an admin whose session still stands.
/// </summary>
public sealed partial class UserAdministration(
    UserDirectory directory,
    ManagedUserStore store,
    LoginThrottle throttle,
    SessionValidator sessions,
    TimeProvider time,
    ILogger<UserAdministration> logger)
{
    /// <summary>Shortest password accepted for a managed user.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>Longest password accepted (hashing has a cost).</summary>
    public const int MaxPasswordLength = 256;

    /// <summary>Longest user name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>Longest display name.</summary>
    public const int MaxDisplayNameLength = 100;

    private readonly PasswordHasher<UserAccount> _hasher = new();

    // Checks and changes that depend on the other users (last admin, name taken) happen under one gate, so two admins
    // demoting each other at once cannot both succeed.
    private readonly Lock _gate = new();

    /// <summary>
    /// The name of <paramref name="caller"/> when it is an admin: a dashboard session that still stands (its user not
    /// disabled, deleted or demoted meanwhile), or an API token. Null otherwise.
    /// </summary>
    public string? AdminName(ClaimsPrincipal? caller)
    {
        if (caller?.Identity?.IsAuthenticated != true || !caller.IsInRole(ApiRoles.Admin) || caller.Identity.Name is not { Length: > 0 } name)
        {
            return null;
        }

        // Dashboard sessions carry a stamp and are checked again here: a circuit learns of a change only at its next
        // revalidation. API tokens carry none; they are checked on every request anyway.
        return caller.FindFirst(CockpitClaims.Stamp) is null || sessions.IsCurrent(caller) ? name : null;
    }

    /// <summary>Every user: configured (or demo) ones first, then the managed ones, each by name.</summary>
    public IReadOnlyList<UserEntry> List()
    {
        var source = directory.DemoUsersActive ? UserSource.Demo : UserSource.Configuration;
        var configured = directory.Users.OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserEntry(u.Name, u.DisplayName, u.Role, source, null));
        var managed = store.List().Select(u => new UserEntry(u.Name, u.DisplayName, u.Role, UserSource.Managed, u) { Shadowed = directory.IsConfigured(u.Name) });
        return [.. configured, .. managed];
    }

    /// <summary>The latest changes, newest first.</summary>
    public IReadOnlyList<UserChange> Changes(int max = 20) => store.Changes(max);

    /// <summary>The user names locked now by repeated failed sign-ins.</summary>
    public IReadOnlyList<LockedUserName> Locked() => throttle.Locked();

    /// <summary>Creates a managed user.</summary>
    public UserAdminOutcome Create(ClaimsPrincipal? caller, string? name, string? displayName, string? role, string? password)
    {
        if (Admin(caller, "create", name) is not { } admin)
        {
            return UserAdminOutcome.NotAllowed;
        }

        name = name?.Trim() ?? "";
        displayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
        var problem = !IsValidName(name) ? UserAdminOutcome.BadName
            : !IsValidDisplayName(displayName) ? UserAdminOutcome.BadDisplayName
            : Role(role) is null ? UserAdminOutcome.BadRole
            : !IsStrongEnough(name, password) ? UserAdminOutcome.WeakPassword
            : directory.IsConfigured(name) ? UserAdminOutcome.NameConfigured
            : store.Find(name) is not null ? UserAdminOutcome.NameTaken
            : UserAdminOutcome.Done;
        if (problem != UserAdminOutcome.Done)
        {
            return problem;
        }

        var user = new ManagedUser(name, displayName, Role(role)!, Hash(password!), time.GetUtcNow(), admin);
        lock (_gate)
        {
            if (directory.IsConfigured(name))
            {
                return UserAdminOutcome.NameConfigured;
            }

            if (!store.TryAdd(user))
            {
                return UserAdminOutcome.NameTaken;
            }
        }

        LogCreated(logger, user.Name, user.Role, admin);
        return UserAdminOutcome.Done;
    }

    /// <summary>Gives a managed user another role; their sessions end at the next check.</summary>
    public UserAdminOutcome ChangeRole(ClaimsPrincipal? caller, string name, string? role)
    {
        if (Admin(caller, "change the role of", name) is not { } admin)
        {
            return UserAdminOutcome.NotAllowed;
        }

        if (Role(role) is not { } canonical)
        {
            return UserAdminOutcome.BadRole;
        }

        lock (_gate)
        {
            if (Target(name, out var user) is { } missing)
            {
                return missing;
            }

            if (canonical == user!.Role)
            {
                return UserAdminOutcome.Done;
            }

            if (canonical != ApiRoles.Admin && Guard(admin, user) is { } refused)
            {
                return refused;
            }

            store.Update(user.Name, UserChangeKind.RoleChanged, u => u with { Role = canonical }, time.GetUtcNow(), admin);
        }

        LogRoleChanged(logger, name, canonical, admin);
        return UserAdminOutcome.Done;
    }

    /// <summary>Sets a managed user's password; their sessions end at the next check.</summary>
    public UserAdminOutcome ResetPassword(ClaimsPrincipal? caller, string name, string? password)
    {
        if (Admin(caller, "reset the password of", name) is not { } admin)
        {
            return UserAdminOutcome.NotAllowed;
        }

        if (Target(name, out var user) is { } missing)
        {
            return missing;
        }

        if (!IsStrongEnough(user!.Name, password))
        {
            return UserAdminOutcome.WeakPassword;
        }

        var hash = Hash(password!);
        if (store.Update(user.Name, UserChangeKind.PasswordReset, u => u with { PasswordHash = hash }, time.GetUtcNow(), admin) is null)
        {
            return UserAdminOutcome.UnknownUser;
        }

        LogPasswordReset(logger, user.Name, admin);
        return UserAdminOutcome.Done;
    }

    /// <summary>Disables (sessions end at the next check, sign-in refused) or enables a managed user.</summary>
    public UserAdminOutcome SetDisabled(ClaimsPrincipal? caller, string name, bool disabled)
    {
        if (Admin(caller, disabled ? "disable" : "enable", name) is not { } admin)
        {
            return UserAdminOutcome.NotAllowed;
        }

        lock (_gate)
        {
            if (Target(name, out var user) is { } missing)
            {
                return missing;
            }

            if (user!.Disabled == disabled)
            {
                return UserAdminOutcome.Done;
            }

            if (disabled && Guard(admin, user) is { } refused)
            {
                return refused;
            }

            store.Update(user.Name, disabled ? UserChangeKind.Disabled : UserChangeKind.Enabled, u => u with { Disabled = disabled }, time.GetUtcNow(), admin);
        }

        if (disabled)
        {
            LogDisabled(logger, name, admin);
        }
        else
        {
            LogEnabled(logger, name, admin);
        }

        return UserAdminOutcome.Done;
    }

    /// <summary>Deletes a managed user (the change log keeps who did it and when).</summary>
    public UserAdminOutcome Delete(ClaimsPrincipal? caller, string name)
    {
        if (Admin(caller, "delete", name) is not { } admin)
        {
            return UserAdminOutcome.NotAllowed;
        }

        lock (_gate)
        {
            if (Target(name, out var user) is { } missing)
            {
                return missing;
            }

            if (Guard(admin, user!) is { } refused)
            {
                return refused;
            }

            store.Remove(user!.Name, time.GetUtcNow(), admin);
        }

        LogDeleted(logger, name, admin);
        return UserAdminOutcome.Done;
    }

    /// <summary>Lets a user name locked by failed sign-ins try again now.</summary>
    public UserAdminOutcome Unlock(ClaimsPrincipal? caller, string name)
    {
        if (Admin(caller, "unlock", name) is not { } admin)
        {
            return UserAdminOutcome.NotAllowed;
        }

        if (!throttle.Unlock(name))
        {
            return UserAdminOutcome.NotLocked;
        }

        store.Record(new UserChange(name.Trim(), UserChangeKind.Unlocked, null, time.GetUtcNow(), admin));
        LogUnlocked(logger, name, admin);
        return UserAdminOutcome.Done;
    }

    /// <summary>Whether <paramref name="name"/> is a valid managed user name: 1–64 letters, digits, '.', '_', '-' or '@'.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    private static bool IsValidDisplayName(string? displayName) =>
        displayName is null || (displayName.Length <= MaxDisplayNameLength && !displayName.Any(char.IsControl));

    private static bool IsStrongEnough(string name, string? password) =>
        password is { Length: >= MinPasswordLength and <= MaxPasswordLength }
        && !string.Equals(password.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(password);

    private static string? Role(string? role) =>
        role is null ? null : ApiRoles.All.FirstOrDefault(r => string.Equals(r, role.Trim(), StringComparison.OrdinalIgnoreCase));

    private string Hash(string password) => _hasher.HashPassword(new UserAccount(), password);

    private string? Admin(ClaimsPrincipal? caller, string action, string? target)
    {
        var admin = AdminName(caller);
        if (admin is null)
        {
            LogNotAllowed(logger, caller?.Identity?.Name ?? "anonymous", action, target ?? "");
        }

        return admin;
    }

    private UserAdminOutcome? Target(string name, out ManagedUser? user)
    {
        user = store.Find(name ?? "");
        return user is not null ? null
            : directory.IsConfigured(name ?? "") ? UserAdminOutcome.ConfiguredUser
            : UserAdminOutcome.UnknownUser;
    }

    // Taking away a user's admin rights (disable, delete, demote): never one's own, never the last admin's.
    private UserAdminOutcome? Guard(string admin, ManagedUser user)
    {
        if (string.Equals(admin, user.Name, StringComparison.OrdinalIgnoreCase))
        {
            LogGuard(logger, admin, user.Name, "it is their own account");
            return UserAdminOutcome.OwnAccount;
        }

        var countsAsAdmin = user.Role == ApiRoles.Admin && !user.Disabled && !directory.IsConfigured(user.Name);
        if (countsAsAdmin && directory.AdminCount() <= 1)
        {
            LogGuard(logger, admin, user.Name, "no other admin could sign in");
            return UserAdminOutcome.LastAdmin;
        }

        return null;
    }

    [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "Dashboard user {User} created as {Role} by {Admin}")]
    private static partial void LogCreated(ILogger logger, string user, string role, string admin);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Information, Message = "Dashboard user {User} is now {Role} (by {Admin}); their sessions end")]
    private static partial void LogRoleChanged(ILogger logger, string user, string role, string admin);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Information, Message = "Password of dashboard user {User} reset by {Admin}; their sessions end")]
    private static partial void LogPasswordReset(ILogger logger, string user, string admin);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Information, Message = "Dashboard user {User} disabled by {Admin}; their sessions end")]
    private static partial void LogDisabled(ILogger logger, string user, string admin);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Information, Message = "Dashboard user {User} enabled by {Admin}")]
    private static partial void LogEnabled(ILogger logger, string user, string admin);

    [LoggerMessage(EventId = 3605, Level = LogLevel.Information, Message = "Dashboard user {User} deleted by {Admin}")]
    private static partial void LogDeleted(ILogger logger, string user, string admin);

    [LoggerMessage(EventId = 3606, Level = LogLevel.Information, Message = "User name '{User}' unlocked by {Admin} after repeated failed sign-ins")]
    private static partial void LogUnlocked(ILogger logger, string user, string admin);

    [LoggerMessage(EventId = 3607, Level = LogLevel.Warning, Message = "{Caller} tried to {Action} user '{User}' without being a signed-in admin: refused")]
    private static partial void LogNotAllowed(ILogger logger, string caller, string action, string user);

    [LoggerMessage(EventId = 3608, Level = LogLevel.Warning, Message = "{Admin} may not disable, delete or demote {User}: {Reason}")]
    private static partial void LogGuard(ILogger logger, string admin, string user, string reason);
}
