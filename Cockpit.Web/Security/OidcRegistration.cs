using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Cockpit.Web.Security;

/// <summary>
/// OpenID Connect sign-in (authorization code with PKCE) into the same cookie as passwords. The provider's
/// <see cref="OidcOptions.RoleClaim"/> values that name a Cockpit role become role claims; a user with none is refused.
/// </summary>
internal static partial class OidcRegistration
{
    public static void AddCockpitOidc(this AuthenticationBuilder authentication, OidcOptions settings)
    {
        authentication.AddOpenIdConnect(OidcSettings.SchemeName, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            // Roles are read from the ID token when it is validated; userinfo comes later and would add nothing used.
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.Events.OnTokenValidated = context =>
            {
                var principal = CockpitPrincipal(context.Principal, settings);
                if (principal is null)
                {
                    var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcRegistration));
                    LogNoRole(logger, context.Principal?.FindFirst("sub")?.Value ?? "?", settings.RoleClaim);
                    context.Fail("The provider gave this user no Cockpit role.");
                    return Task.CompletedTask;
                }

                context.Principal = principal;
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/login?failed=sso");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The session principal for a provider's user: name, Cockpit roles and the OIDC stamp; null without a role.</summary>
    public static ClaimsPrincipal? CockpitPrincipal(ClaimsPrincipal? external, OidcOptions settings)
    {
        if (external is null)
        {
            return null;
        }

        var roles = external.FindAll(settings.RoleClaim)
            .Select(c => ApiRoles.All.FirstOrDefault(r => string.Equals(r, c.Value.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var name = external.FindFirst(settings.NameClaim)?.Value ?? external.FindFirst("email")?.Value ?? external.FindFirst("sub")?.Value;
        if (roles.Length == 0 || string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var display = external.FindFirst("name")?.Value ?? name;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, name),
                .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
                new Claim(CockpitClaims.DisplayName, display),
                new Claim(CockpitClaims.Stamp, SessionValidator.OidcStamp),
            ],
            OidcSettings.SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    [LoggerMessage(EventId = 3508, Level = LogLevel.Warning, Message = "OpenID Connect sign-in of '{Subject}' refused: no Cockpit role in its '{RoleClaim}' claim")]
    private static partial void LogNoRole(ILogger logger, string subject, string roleClaim);
}
