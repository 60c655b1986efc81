using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Cockpit.Web.Security;

/// <summary>The sign-in plumbing outside the login page: logout, display keys, OpenID Connect's challenge.</summary>
public static partial class AccountEndpoints
{
    /// <summary>
    /// Signs wall screens in from <c>/?key=&lt;secret&gt;</c> before authorization runs (then redirects to the wall
    /// without the key, so it leaves the address bar and history; a wrong key goes to the login page). Call after <c>UseAuthentication</c>.
    /// </summary>
    public static IApplicationBuilder UseDisplayKeys(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/" && context.Request.Query.TryGetValue(DisplayKeySignIn.QueryKey, out var key))
            {
                // A wrong key goes to the login page without itself, so it is not sent again after signing in.
                var signIn = context.RequestServices.GetRequiredService<DisplayKeySignIn>();
                context.Response.Redirect(await signIn.TrySignInAsync(context, key.ToString()) ? DisplayKeySignIn.WallUrl(context.Request) : "/login");
                return;
            }

            await next(context);
        });

    /// <summary>Maps <c>POST /logout</c>, <c>GET /display/{secret}</c> and, when configured, <c>GET /login/oidc</c>.</summary>
    public static IEndpointRouteBuilder MapCockpitAccount(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Created now rather than at the first sign-in, so that demo users (or no users) are logged at start.
        _ = endpoints.ServiceProvider.GetRequiredService<UserDirectory>();

        // Anonymous so that a session that already ended can still press the button; the anti-forgery token is checked
        // in the handler, so a page elsewhere cannot sign anyone out.
        endpoints.MapPost("/logout", Logout).AllowAnonymous().DisableAntiforgery();
        endpoints.MapGet("/display/{secret}", Display).AllowAnonymous();
        if (endpoints.ServiceProvider.GetRequiredService<OidcSettings>().Enabled)
        {
            endpoints.MapGet("/login/oidc", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(returnUrl) }, [OidcSettings.SchemeName])).AllowAnonymous();
        }

        return endpoints;
    }

    private static async Task<IResult> Logout(HttpContext context, IAntiforgery antiforgery, ILoggerFactory loggers)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }

        var name = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null;
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (name is not null)
        {
            LogSignedOut(loggers.CreateLogger(typeof(AccountEndpoints)), name);
        }

        return Results.Redirect("/login");
    }

    private static async Task<IResult> Display(HttpContext context, string secret, DisplayKeySignIn signIn) =>
        await signIn.TrySignInAsync(context, secret) ? Results.Redirect(DisplayKeySignIn.WallUrl(context.Request)) : Results.Redirect("/login");

    [LoggerMessage(EventId = 3507, Level = LogLevel.Information, Message = "{User} signed out")]
    private static partial void LogSignedOut(ILogger logger, string user);
}
