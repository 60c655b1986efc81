using System.Security.Claims;

namespace Cockpit.Web.Security;

/// <summary>
/// Decides whether a dashboard session still stands: its user or display key must still be configured with the
/// credential it signed in with (see <see cref="CockpitClaims.Stamp"/>). Sessions from OpenID Connect stand while
/// OpenID Connect is configured.
/// </summary>
public sealed class SessionValidator(UserDirectory users, DisplayKeyAuthenticator displays, OidcSettings oidc)
{
    /// <summary>The stamp of a session signed in through OpenID Connect.</summary>
    public const string OidcStamp = "oidc";

    /// <summary>Whether <paramref name="principal"/> may go on.</summary>
    public bool IsCurrent(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        if (DisplayKeyAuthenticator.IsDisplay(principal))
        {
            return displays.IsCurrent(principal);
        }

        return principal.FindFirst(CockpitClaims.Stamp)?.Value == OidcStamp ? oidc.Enabled : users.IsCurrent(principal);
    }
}
