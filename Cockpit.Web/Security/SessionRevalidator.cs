using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Cockpit.Web.Security;

/// <summary>
/// Re-checks the signed-in user of a live circuit every minute: a wall left open for days loses its session when
/// its display key or user is removed or changed, instead of showing data until the next reload.
/// </summary>
internal sealed class SessionRevalidator(ILoggerFactory loggerFactory, SessionValidator sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(sessions.IsCurrent(authenticationState.User));
}
