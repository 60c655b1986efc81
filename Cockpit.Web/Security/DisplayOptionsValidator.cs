using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>Checks the display keys at start: each named once, with its own secret of at least 16 characters.</summary>
internal sealed class DisplayOptionsValidator : IValidateOptions<DisplayOptions>
{
    /// <summary>Shortest secret accepted (as for API and ingest tokens).</summary>
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, DisplayOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var entry = $"{DisplayOptions.SectionName}:Keys:{i}";
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{entry}:Name is empty.");
            }
            else if (!names.Add(key.Name))
            {
                failures.Add($"{entry}:Name '{key.Name}' is used twice.");
            }

            if (key.Secret.Length < MinSecretLength)
            {
                failures.Add($"{entry}:Secret (key '{key.Name}') must be at least {MinSecretLength} characters.");
            }
            else if (!secrets.Add(key.Secret))
            {
                failures.Add($"{entry}:Secret (key '{key.Name}') is the secret of another key.");
            }
        }

        if (options.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{DisplayOptions.SectionName}:SessionLifetime must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
