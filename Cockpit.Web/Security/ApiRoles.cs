namespace Cockpit.Web.Security;

/// <summary>
/// The roles a caller can have. They are role claims, whatever signed the caller in (an API token today, a UI login
/// later), so the policies in <see cref="CockpitPolicies"/> never name a scheme.
/// </summary>
public static class ApiRoles
{
    /// <summary>Reads alerts, silences and series.</summary>
    public const string Viewer = "viewer";

    /// <summary>Reads, acknowledges and resolves alerts, writes notes, creates and expires silences.</summary>
    public const string OnCall = "oncall";

    /// <summary>Reads and writes notes.</summary>
    public const string Analyst = "analyst";

    /// <summary>Everything on call may do (and, later, administration).</summary>
    public const string Admin = "admin";

    /// <summary>Every role, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, OnCall, Analyst, Admin];
}
