namespace Cockpit.Web.Security;

/// <summary>Claim types Cockpit adds to a dashboard session besides name and role.</summary>
public static class CockpitClaims
{
    /// <summary>Shown instead of the user name (a configured user's DisplayName, a display key's name).</summary>
    public const string DisplayName = "cockpit:display-name";

    /// <summary>Present on a wall-display session: the name of the display key it came from.</summary>
    public const string DisplayKey = "cockpit:display-key";

    /// <summary>
    /// A digest of the credential the session came from (password hash and role, or display key secret): when that
    /// changes in configuration, existing sessions end.
    /// </summary>
    public const string Stamp = "cockpit:stamp";
}
