namespace Cockpit.Web.Security;

/// <summary>Who may sign in to the dashboard: <c>Cockpit:Users</c> and <c>Cockpit:DemoUsers</c>.</summary>
public sealed class UsersOptions
{
    /// <summary>The section both keys live in.</summary>
    public const string SectionName = "Cockpit";

    /// <summary>The users. When empty, the demo users may take their place (see <see cref="DemoUsers"/>).</summary>
    public List<UserAccount> Users { get; set; } = [];

    /// <summary>
    /// Whether the documented demo users (<see cref="Security.DemoUsers"/>) sign in while <see cref="Users"/> is empty:
    /// true or false decides; unset means "only with the embedded store". Never used once any user is configured.
    /// </summary>
    public bool? DemoUsers { get; set; }
}
