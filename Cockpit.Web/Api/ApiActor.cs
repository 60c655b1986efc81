using System.Security.Claims;

namespace Cockpit.Web.Api;

/// <summary>The name recorded as who did something through the API: the caller's token name.</summary>
internal static class ApiActor
{
    public static string Of(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("An authorized API caller always has a name.");
}
