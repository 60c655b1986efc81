namespace Cockpit.Web.Explore;

/// <summary>
/// Who may explore: analysts (whose tool it is), admins, and on-call staff, who dig into the history behind an alert.
/// Viewers may not: a viewer is a manager's wall login or the wall TV's display key, and explore reads any series at
/// any range, which is heavier on the store than the wall and not what a wall screen needs.
/// </summary>
public static class ExploreAccess
{
    /// <summary>The roles, as <c>[Authorize(Roles = ...)]</c> takes them.</summary>
    public const string Roles = "oncall,analyst,admin";
}
