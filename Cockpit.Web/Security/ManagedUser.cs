namespace Cockpit.Web.Security;

/// <summary>
/// A dashboard user an admin created at run time (kept in <see cref="ManagedUserStore"/>), as opposed to one from
/// <c>Cockpit:Users</c>. Only the <c>PasswordHasher</c> hash of the password is kept.
/// </summary>
public sealed record ManagedUser(string Name, string? DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt, string CreatedBy)
{
    /// <summary>A disabled user cannot sign in and their sessions end at the next check.</summary>
    public bool Disabled { get; init; }

    /// <summary>When the user was last changed (created, role, password, disabled or enabled).</summary>
    public DateTimeOffset ChangedAt { get; init; }

    /// <summary>Who made the last change.</summary>
    public string ChangedBy { get; init; } = "";

    /// <summary>What the last change was.</summary>
    public UserChangeKind LastChange { get; init; }

    /// <summary>The account the directory signs in with.</summary>
    public UserAccount ToAccount() => new() { Name = Name, DisplayName = DisplayName, Role = Role, PasswordHash = PasswordHash };
}
