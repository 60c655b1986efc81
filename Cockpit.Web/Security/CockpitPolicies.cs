using Microsoft.AspNetCore.Authorization;

namespace Cockpit.Web.Security;

/// <summary>
/// What a caller may do, as authorization policies over role claims only: a UI login added next to the API tokens
/// gets the same rules by giving its users the same roles.
/// </summary>
public static class CockpitPolicies
{
    /// <summary>Read alerts, silences and series: every role.</summary>
    public const string Read = "cockpit.read";

    /// <summary>Add notes to alerts: oncall, analyst, admin.</summary>
    public const string Annotate = "cockpit.annotate";

    /// <summary>Acknowledge and resolve alerts, create and expire silences: oncall, admin.</summary>
    public const string Operate = "cockpit.operate";

    /// <summary>Administration (rules, sources, users): admin only.</summary>
    public const string Administer = "cockpit.administer";

    /// <summary>Adds the four policies.</summary>
    public static AuthorizationBuilder AddCockpitPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Read, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Viewer, ApiRoles.OnCall, ApiRoles.Analyst, ApiRoles.Admin))
            .AddPolicy(Annotate, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.OnCall, ApiRoles.Analyst, ApiRoles.Admin))
            .AddPolicy(Operate, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.OnCall, ApiRoles.Admin))
            .AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(ApiRoles.Admin));
    }
}
