using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cockpit.Web.Security;

/// <summary>Signs a user in with name and password: throttled per user name, logged, a session cookie on success.</summary>
public sealed partial class PasswordSignIn(UserDirectory users, LoginThrottle throttle, ILogger<PasswordSignIn> logger)
{
    /// <summary>Checks <paramref name="password"/> and, when right and the name is not locked, issues the session cookie.</summary>
    public async Task<SignInOutcome> SignInAsync(HttpContext http, string? userName, string? password)
    {
        ArgumentNullException.ThrowIfNull(http);
        var name = (userName ?? "").Trim();
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (throttle.LockedFor(name) is { } wait)
        {
            LogLocked(logger, name, remote);
            return new SignInOutcome(null, wait);
        }

        var user = name.Length == 0 ? null : users.Verify(name, password ?? "");
        if (user is null)
        {
            throttle.Failed(name);
            LogFailed(logger, name, remote);
            return throttle.LockedFor(name) is { } locked ? new SignInOutcome(null, locked) : SignInOutcome.Wrong;
        }

        throttle.Succeeded(name);
        await http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            UserDirectory.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false });
        LogSignedIn(logger, user.Name, user.Role, remote);
        return new SignInOutcome(user, null);
    }

    [LoggerMessage(EventId = 3502, Level = LogLevel.Information, Message = "{User} signed in as {Role} from {Remote}")]
    private static partial void LogSignedIn(ILogger logger, string user, string role, string remote);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Warning, Message = "Failed sign-in for user name '{User}' from {Remote}")]
    private static partial void LogFailed(ILogger logger, string user, string remote);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Warning, Message = "Sign-in refused for user name '{User}' from {Remote}: locked after repeated failures")]
    private static partial void LogLocked(ILogger logger, string user, string remote);
}
