namespace Cockpit.Web.Security;

/// <summary>Return URLs after sign-in: only paths on this site are followed, anything else goes to the wall.</summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a local path (not the login page itself), else <c>/</c>.</summary>
    public static string OrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/')
        {
            return "/";
        }

        // "//host" and "/\host" are protocol-relative to browsers; control characters can smuggle either past checks.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))
        {
            return "/";
        }

        if (url.Any(char.IsControl) || url.StartsWith("/login", StringComparison.OrdinalIgnoreCase) || url.StartsWith("/logout", StringComparison.OrdinalIgnoreCase))
        {
            return "/";
        }

        return url;
    }
}
