using System.Security.Cryptography;
using System.Text;
using Cockpit.Ingest.Http.Tokens;
using Cockpit.Ingest.Write;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cockpit.Ingest.Http;

/// <summary>
/// Checks the token of an HTTP write, accepted the ways InfluxDB clients send it: <c>Authorization: Token …</c>
/// (2.x clients), <c>Authorization: Basic …</c> with the secret as password (1.x clients), or the <c>u</c>/<c>p</c>
/// query parameters. Secrets are compared in constant time. Tokens come from configuration and from the managed
/// tokens an admin created at run time (<see cref="IngestTokenStore"/>).
/// </summary>
public sealed partial class IngestAuthenticator
{
    private readonly (string Name, byte[] Secret)[] _tokens;
    private readonly IngestTokenStore _managed;

    public IngestAuthenticator(IOptions<IngestOptions> options, IngestTokenStore managed, ILogger<IngestAuthenticator> logger)
    {
        _tokens = [.. options.Value.Tokens.Select(t => (t.Name, Encoding.UTF8.GetBytes(t.Secret)))];
        _managed = managed;
        if (_tokens.Length == 0 && !managed.HasActive)
        {
            LogNoTokens(logger);
        }

        foreach (var token in options.Value.Tokens.Where(t => t.Secret == IngestOptions.DemoSecret))
        {
            LogDemoToken(logger, token.Name);
        }
    }

    /// <summary>Whether any token is configured or created at all.</summary>
    public bool HasTokens => _tokens.Length > 0 || _managed.HasActive;

    /// <summary>Returns the token's name, or null with the reason in <paramref name="failure"/>.</summary>
    public string? Authenticate(HttpRequest request, out string failure)
    {
        var secret = FindSecret(request);
        if (secret is null)
        {
            failure = "authorization failed: no token; send 'Authorization: Token <secret>', Basic auth with the secret as password, or the u and p parameters";
            return null;
        }

        var name = Match(secret);
        failure = name is null ? "authorization failed: the token is not valid" : "";
        return name;
    }

    private static string? FindSecret(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Token ", StringComparison.OrdinalIgnoreCase) || header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[(header.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return BasicPassword(header[6..].Trim());
        }

        var password = request.Query["p"].ToString();
        return password.Length > 0 ? password : null;
    }

    private static string? BasicPassword(string encoded)
    {
        Span<byte> decoded = stackalloc byte[512];
        if (!Convert.TryFromBase64String(encoded, decoded, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(decoded[..length]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : text[(colon + 1)..];
    }

    // Every token is compared, whatever matched, so timing tells nothing about which secret is close.
    private string? Match(string secret)
    {
        var candidate = Encoding.UTF8.GetBytes(secret);
        string? name = null;
        foreach (var (tokenName, tokenSecret) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, tokenSecret) && name is null)
            {
                name = tokenName;
            }
        }

        return name ?? _managed.Match(candidate);
    }

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Ingest token '{Name}' uses the documented demo secret: anyone can write. Replace Cockpit:Ingest:Tokens before exposing Cockpit.")]
    private static partial void LogDemoToken(ILogger logger, string name);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information, Message = "No ingest tokens are configured (Cockpit:Ingest:Tokens) or created: every HTTP write will be refused with 401 until an admin creates one")]
    private static partial void LogNoTokens(ILogger logger);
}
