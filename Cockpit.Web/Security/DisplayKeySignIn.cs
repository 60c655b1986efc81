using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>Signs a wall screen in with its display key: a long-lived, read-only session for the wall only.</summary>
public sealed partial class DisplayKeySignIn(DisplayKeyAuthenticator keys, IOptions<DisplayOptions> options, TimeProvider time, ILogger<DisplayKeySignIn> logger)
{
    /// <summary>The query parameter that carries the key on the wall's URL (<c>/?key=…</c>).</summary>
    public const string QueryKey = "key";

    /// <summary>Signs in when <paramref name="secret"/> is a display key; false (and logged) when it is not.</summary>
    public async Task<bool> TrySignInAsync(HttpContext http, string secret)
    {
        ArgumentNullException.ThrowIfNull(http);
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "?";
        var key = keys.Find(secret ?? "");
        if (key is null)
        {
            LogInvalid(logger, remote);
            return false;
        }

        var now = time.GetUtcNow();
        await http.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            DisplayKeyAuthenticator.Principal(key, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = true, IssuedUtc = now, ExpiresUtc = now + options.Value.SessionLifetime, AllowRefresh = true });
        LogSignedIn(logger, key.Name, remote);
        return true;
    }

    /// <summary>Where a screen goes after signing in: the wall with the request's query string, less the key.</summary>
    public static string WallUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rest = request.Query.Where(q => !string.Equals(q.Key, QueryKey, StringComparison.OrdinalIgnoreCase)).ToArray();
        return rest.Length == 0 ? "/" : "/" + QueryString.Create(rest.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
    }

    [LoggerMessage(EventId = 3505, Level = LogLevel.Information, Message = "Wall display '{Key}' signed in from {Remote}")]
    private static partial void LogSignedIn(ILogger logger, string key, string remote);

    [LoggerMessage(EventId = 3506, Level = LogLevel.Warning, Message = "Invalid display key from {Remote}")]
    private static partial void LogInvalid(ILogger logger, string remote);
}
