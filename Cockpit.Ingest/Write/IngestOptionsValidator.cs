using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Write;

/// <summary>Checks the ingest tokens: each named, unique, and with a secret long enough not to be guessed.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    /// <summary>Shortest secret accepted.</summary>
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            var token = options.Tokens[i];
            if (string.IsNullOrWhiteSpace(token.Name))
            {
                failures.Add($"Cockpit:Ingest:Tokens:{i}:Name is empty.");
            }
            else if (!names.Add(token.Name))
            {
                failures.Add($"Cockpit:Ingest:Tokens:{i}:Name '{token.Name}' is used twice.");
            }

            if (token.Secret.Length < MinSecretLength)
            {
                failures.Add($"Cockpit:Ingest:Tokens:{i}:Secret (token '{token.Name}') must be at least {MinSecretLength} characters.");
            }
        }

        if (options.MaxFutureSkew < TimeSpan.Zero)
        {
            failures.Add("Cockpit:Ingest:MaxFutureSkew must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
