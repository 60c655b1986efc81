using Microsoft.AspNetCore.Authorization;
using RouteData = Microsoft.AspNetCore.Components.RouteData;

namespace Cockpit.Web.Security;

/// <summary>
/// Keeps a display-key session on the wall: whatever a policy says, it fails for a display when the request or the
/// routed page lacks <see cref="DisplayAccessAttribute"/>. Blazor's own plumbing (<c>/_blazor</c>, <c>/_framework</c>)
/// stays open so the wall can connect; checks without a resource (e.g. <c>AuthorizeView</c>) are left to the roles.
/// </summary>
internal sealed class DisplayKeyLimitHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (!DisplayKeyAuthenticator.IsDisplay(context.User))
        {
            return Task.CompletedTask;
        }

        var allowed = context.Resource switch
        {
            HttpContext http => http.GetEndpoint()?.Metadata.GetMetadata<DisplayAccessAttribute>() is not null
                || http.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase)
                || http.Request.Path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase),
            RouteData route => route.PageType.IsDefined(typeof(DisplayAccessAttribute), inherit: true),
            _ => true,
        };
        if (!allowed)
        {
            context.Fail(new AuthorizationFailureReason(this, "A wall display key opens the wall only."));
        }

        return Task.CompletedTask;
    }
}
