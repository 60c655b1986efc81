namespace Cockpit.Web.Security;

/// <summary>Where a dashboard user comes from.</summary>
public enum UserSource
{
    /// <summary><c>Cockpit:Users</c>: read-only on screen, changed in configuration.</summary>
    Configuration,

    /// <summary>The documented demo users (<see cref="DemoUsers"/>): read-only.</summary>
    Demo,

    /// <summary>Created by an admin (<see cref="ManagedUserStore"/>).</summary>
    Managed,
}
