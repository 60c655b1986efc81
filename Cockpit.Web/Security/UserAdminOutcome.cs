namespace Cockpit.Web.Security;

/// <summary>What an admin's change to the users came to (<see cref="UserAdministration"/>).</summary>
public enum UserAdminOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>The caller is not a signed-in admin (or their session no longer stands).</summary>
    NotAllowed,

    /// <summary>The user name breaks the rules (1–64 letters, digits, '.', '_', '-' or '@').</summary>
    BadName,

    /// <summary>A managed user of that name exists already.</summary>
    NameTaken,

    /// <summary>A user of that name comes from configuration (or is a demo user).</summary>
    NameConfigured,

    /// <summary>The display name is too long or has control characters.</summary>
    BadDisplayName,

    /// <summary>Not one of viewer, oncall, analyst, admin.</summary>
    BadRole,

    /// <summary>The password is shorter than <see cref="UserAdministration.MinPasswordLength"/>, too long, or the user name.</summary>
    WeakPassword,

    /// <summary>No managed user of that name.</summary>
    UnknownUser,

    /// <summary>The user comes from configuration and is changed there.</summary>
    ConfiguredUser,

    /// <summary>Admins cannot disable, delete or demote their own account.</summary>
    OwnAccount,

    /// <summary>The change would leave no admin who can sign in.</summary>
    LastAdmin,

    /// <summary>The user name is not locked.</summary>
    NotLocked,
}
