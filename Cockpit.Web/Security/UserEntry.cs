namespace Cockpit.Web.Security;

/// <summary>A dashboard user as the admin screen and <c>/api/users</c> list it (never with a password hash).</summary>
/// <param name="Name">The user name.</param>
/// <param name="DisplayName">Shown instead of the name, when set.</param>
/// <param name="Role">The role.</param>
/// <param name="Source">Configuration, demo or managed.</param>
/// <param name="Managed">The managed record (created, last change, disabled), for managed users.</param>
public sealed record UserEntry(string Name, string? DisplayName, string Role, UserSource Source, ManagedUser? Managed)
{
    /// <summary>A managed user with the name of a configured one: configuration wins, this one cannot sign in.</summary>
    public bool Shadowed { get; init; }

    /// <summary>Whether a managed user is disabled.</summary>
    public bool Disabled => Managed?.Disabled == true;

    /// <summary>Whether this entry can sign in now.</summary>
    public bool CanSignIn => !Shadowed && !Disabled;
}
