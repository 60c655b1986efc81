using System.Security.Claims;
using Cockpit.Web.Security;

namespace Cockpit.Web.Inbox;

/// <summary>
/// Who may do what in the inbox, from role claims alone (the same rules as <see cref="CockpitPolicies"/>): the
/// server-side check behind every button, because a hidden button is no protection against a crafted call.
/// </summary>
public static class InboxPermissions
{
    /// <summary>The roles that may acknowledge, resolve and silence (for <c>AuthorizeView</c>).</summary>
    public const string OperateRoles = ApiRoles.OnCall + "," + ApiRoles.Admin;

    /// <summary>The roles that may write notes (for <c>AuthorizeView</c>).</summary>
    public const string AnnotateRoles = ApiRoles.OnCall + "," + ApiRoles.Admin + "," + ApiRoles.Analyst;

    /// <summary>Acknowledge, resolve, silence: a signed-in oncall or admin.</summary>
    public static bool CanOperate(ClaimsPrincipal? user) =>
        NameOf(user) is not null && (user!.IsInRole(ApiRoles.OnCall) || user.IsInRole(ApiRoles.Admin));

    /// <summary>Write notes: a signed-in oncall, admin or analyst.</summary>
    public static bool CanAnnotate(ClaimsPrincipal? user) =>
        CanOperate(user) || (NameOf(user) is not null && user!.IsInRole(ApiRoles.Analyst));

    /// <summary>The name history and notes record, or null for nobody (anonymous or nameless).</summary>
    public static string? NameOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { } name } && !string.IsNullOrWhiteSpace(name) ? name : null;
}
