using System.Security.Claims;
using Cockpit.Web.Api;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Cockpit.Web.Security;

/// <summary>
/// Tells an API caller who is signed in but lacks the role which role the request needs (403 with a JSON
/// <c>{error}</c>). Everything else, and every path outside <c>/api</c>, gets ASP.NET Core's default handling.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var needed = authorizeResult.AuthorizationFailure?.FailedRequirements
            .OfType<RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles)
            .Distinct(StringComparer.Ordinal)
            .ToArray() ?? [];
        var user = context.User.Identity?.Name ?? "?";
        var role = string.Join(", ", context.User.FindAll(ClaimTypes.Role).Select(c => c.Value));
        var error = needed.Length == 0
            ? $"'{user}' (role {role}) may not {context.Request.Method} {context.Request.Path}."
            : $"{context.Request.Method} {context.Request.Path} needs the role {string.Join(" or ", needed)}; '{user}' has the role {role}.";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new ApiError(error));
    }
}
