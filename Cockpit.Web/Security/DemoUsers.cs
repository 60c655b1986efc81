namespace Cockpit.Web.Security;

/// <summary>
/// The documented demo logins, one per role: user name = role, password = role + <c>-demo</c> (e.g. <c>oncall</c> /
/// <c>oncall-demo</c>). Only their hashes are kept here; a test checks that each documented password matches.
/// </summary>
public static class DemoUsers
{
    /// <summary>What the demo password of <paramref name="role"/> is (for documentation and tests).</summary>
    public static string Password(string role) => role + "-demo";

    /// <summary>The four demo users.</summary>
    public static IReadOnlyList<UserAccount> Accounts { get; } =
    [
        new() { Name = ApiRoles.Viewer, Role = ApiRoles.Viewer, DisplayName = "Demo viewer", PasswordHash = "AQAAAAIAAYagAAAAEEFdzqVj1icbI09FpkOqscQVjALrKx2FWOc+fcm58CfK+Z8LiKKEGMwBiv+WVqQfhg==" },
        new() { Name = ApiRoles.OnCall, Role = ApiRoles.OnCall, DisplayName = "Demo on-call", PasswordHash = "AQAAAAIAAYagAAAAEPFbAomTXKghEcM0HAwDL5TWoOMROhbTJHjo2KlUz0yqYowyQNBa453N7D8usvh5Jg==" },
        new() { Name = ApiRoles.Analyst, Role = ApiRoles.Analyst, DisplayName = "Demo analyst", PasswordHash = "AQAAAAIAAYagAAAAEPYxy5pn0U9gXxHGQTsDNS+XQovIvKxSuEiLlZ9122qS8ARs+TcKoqfFwAQdn00MOQ==" },
        new() { Name = ApiRoles.Admin, Role = ApiRoles.Admin, DisplayName = "Demo admin", PasswordHash = "AQAAAAIAAYagAAAAEA72+ApVbz9G7NWsS1QRzYQBP9Mwz6TDLQVYPjhmC3i2999yBv7AsP8lw1UU+2kA+g==" },
    ];
}
