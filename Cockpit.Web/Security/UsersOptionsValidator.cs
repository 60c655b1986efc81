using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>Checks the users at start: each named once (case does not matter), with a known role and a password hash the hasher can read.</summary>
internal sealed class UsersOptionsValidator : IValidateOptions<UsersOptions>
{
    public ValidateOptionsResult Validate(string? name, UsersOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var entry = $"Cockpit:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"{entry}:Name is empty.");
            }
            else if (!names.Add(user.Name.Trim()))
            {
                failures.Add($"{entry}:Name '{user.Name}' is used twice (user names do not depend on case).");
            }

            if (!ApiRoles.All.Contains(user.Role, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{entry}:Role '{user.Role}' (user '{user.Name}') is not a role; use one of: {string.Join(", ", ApiRoles.All)}.");
            }

            if (!PasswordHashFormat.IsValid(user.PasswordHash, out var problem))
            {
                failures.Add($"{entry}:PasswordHash (user '{user.Name}') {problem}; make one with: dotnet run --project Cockpit.Web -- hash-password");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
