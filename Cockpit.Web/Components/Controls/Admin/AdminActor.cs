using System.Security.Claims;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Cockpit.Web.Components.Controls.Admin;

/// <summary>
/// Who is acting on an admin screen, checked on the server for every action: the hidden button is not the guard.
/// </summary>
internal static class AdminActor
{
    /// <summary>The signed-in admin's name, or null when the caller is not an admin.</summary>
    public static async Task<string?> AdminNameAsync(Task<AuthenticationState>? state)
    {
        if (state is null)
        {
            return null;
        }

        var user = (await state).User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(ApiRoles.Admin) ? user.Identity.Name ?? user.FindFirstValue(ClaimTypes.Name) : null;
    }
}
