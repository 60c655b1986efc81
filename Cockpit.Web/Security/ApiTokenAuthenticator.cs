using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>
/// Knows the configured API tokens and finds the one a secret belongs to, in constant time. Logs at start when there
/// are none (the API then refuses everything) and for every token that still uses a documented demo secret.
/// </summary>
public sealed partial class ApiTokenAuthenticator
{
    private readonly (ApiCaller Caller, byte[] Digest)[] _tokens;

    public ApiTokenAuthenticator(IOptions<ApiOptions> options, ILogger<ApiTokenAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tokens = options.Value.Tokens;
        _tokens = [.. tokens.Select(t => (new ApiCaller(t.Name, CanonicalRole(t.Role)), Digest(t.Secret)))];
        if (_tokens.Length == 0)
        {
            LogNoTokens(logger);
        }

        foreach (var token in tokens.Where(t => ApiOptions.DemoSecrets.Contains(t.Secret, StringComparer.Ordinal)))
        {
            LogDemoToken(logger, token.Name, CanonicalRole(token.Role));
        }
    }

    /// <summary>Whether any token is configured at all.</summary>
    public bool HasTokens => _tokens.Length > 0;

    /// <summary>The caller the secret belongs to, or null.</summary>
    public ApiCaller? Find(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);

        // Digests have one length whatever was sent, and every token is compared whatever matched: the time taken says
        // nothing about how long a secret is or which one is close.
        var candidate = Digest(secret);
        ApiCaller? found = null;
        foreach (var (caller, digest) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest) && found is null)
            {
                found = caller;
            }
        }

        return found;
    }

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string CanonicalRole(string role) =>
        ApiRoles.All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase)) ?? role;

    [LoggerMessage(EventId = 3200, Level = LogLevel.Warning, Message = "API token '{Name}' uses a documented demo secret: anyone can call the API as {Role}. Replace every entry of Cockpit:Api:Tokens before exposing Cockpit (lists merge by index: setting entry 0 from the environment leaves the other demo entries in place).")]
    private static partial void LogDemoToken(ILogger logger, string name, string role);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "No API tokens are configured (Cockpit:Api:Tokens): every /api/* request will be refused with 401")]
    private static partial void LogNoTokens(ILogger logger);
}
