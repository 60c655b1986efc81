namespace Cockpit.Web.Security;

/// <summary>A person who may sign in to the dashboard (<c>Cockpit:Users:n</c>).</summary>
public sealed class UserAccount
{
    /// <summary>The user name typed at sign-in (case does not matter) and recorded as the actor of acks and notes.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The password as ASP.NET Core's <c>PasswordHasher</c> stores it (version 3, base64); make one with
    /// <c>dotnet run --project Cockpit.Web -- hash-password</c>.
    /// </summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>One of <c>viewer</c>, <c>oncall</c>, <c>analyst</c>, <c>admin</c> (see <see cref="ApiRoles"/>; case does not matter).</summary>
    public string Role { get; set; } = "";

    /// <summary>Shown in the top bar instead of the user name, e.g. <c>Li Wei</c>.</summary>
    public string? DisplayName { get; set; }
}
