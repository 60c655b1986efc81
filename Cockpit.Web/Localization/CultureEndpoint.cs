using Microsoft.AspNetCore.Localization;

namespace Cockpit.Web.Localization;

/// <summary>
/// <c>GET /culture?c=zh-CN&amp;redirect=/alerts</c>: remembers the chosen language in the culture cookie for a year and
/// goes back to the page. Only local redirects are followed, so the link cannot send people elsewhere.
/// </summary>
public static class CultureEndpoint
{
    public const string Path = "/culture";

    public static IEndpointRouteBuilder MapCockpitCulture(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (string? c, string? redirect, HttpContext context) =>
        {
            if (CockpitCultures.Match(c) is not { } culture)
            {
                return Results.BadRequest(new { error = $"Unknown language '{c}'; use one of: {string.Join(", ", CockpitCultures.Supported)}." });
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
        }).AllowAnonymous();
        return endpoints;
    }

    // A local path: starts with one slash (not "//", which is another host) and no backslash tricks.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
