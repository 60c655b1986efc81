namespace Cockpit.Web.Security;

/// <summary>What an admin did to a managed user (or a locked user name).</summary>
public enum UserChangeKind
{
    Created,
    RoleChanged,
    PasswordReset,
    Disabled,
    Enabled,
    Deleted,
    Unlocked,
}
