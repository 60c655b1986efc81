using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>Checks the API tokens at start: each named, with a known role, and with its own secret long enough not to be guessed.</summary>
internal sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    /// <summary>Shortest secret accepted (as for ingest tokens).</summary>
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var secrets = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            var token = options.Tokens[i];
            var entry = $"{ApiOptions.SectionName}:Tokens:{i}";
            if (string.IsNullOrWhiteSpace(token.Name))
            {
                failures.Add($"{entry}:Name is empty.");
            }
            else if (!names.Add(token.Name))
            {
                failures.Add($"{entry}:Name '{token.Name}' is used twice.");
            }

            if (!ApiRoles.All.Contains(token.Role, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{entry}:Role '{token.Role}' (token '{token.Name}') is not a role; use one of: {string.Join(", ", ApiRoles.All)}.");
            }

            if (token.Secret.Length < MinSecretLength)
            {
                failures.Add($"{entry}:Secret (token '{token.Name}') must be at least {MinSecretLength} characters.");
            }
            else if (secrets.TryGetValue(token.Secret, out var first))
            {
                // The secret is what identifies the caller: two tokens sharing one could not be told apart.
                failures.Add($"{entry}:Secret (token '{token.Name}') is the same as the secret of {ApiOptions.SectionName}:Tokens:{first}.");
            }
            else
            {
                secrets.Add(token.Secret, i);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
