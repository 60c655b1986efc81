using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>Knows the display keys and finds the one a secret belongs to, in constant time.</summary>
public sealed class DisplayKeyAuthenticator
{
    private readonly (DisplayKey Key, byte[] Digest)[] _keys;

    public DisplayKeyAuthenticator(IOptions<DisplayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.Value.Keys.Select(k => (k, Digest(k.Secret)))];
    }

    /// <summary>The key <paramref name="secret"/> belongs to, or null.</summary>
    public DisplayKey? Find(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);

        // Every key is compared whatever matched, on digests of one length: timing tells nothing about the secrets.
        var candidate = Digest(secret);
        DisplayKey? found = null;
        foreach (var (key, digest) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest) && found is null)
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>The read-only principal of a wall screen: role viewer, marked as a display so it may open the wall only.</summary>
    public static ClaimsPrincipal Principal(DisplayKey key, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(key);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "display:" + key.Name),
                new Claim(ClaimTypes.Role, ApiRoles.Viewer),
                new Claim(CockpitClaims.DisplayName, key.Name),
                new Claim(CockpitClaims.DisplayKey, key.Name),
                new Claim(CockpitClaims.Stamp, Stamp(key)),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Whether a display session's key is still configured with the same secret.</summary>
    public bool IsCurrent(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var name = principal.FindFirst(CockpitClaims.DisplayKey)?.Value;
        var stamp = principal.FindFirst(CockpitClaims.Stamp)?.Value;
        return _keys.Any(k => string.Equals(k.Key.Name, name, StringComparison.OrdinalIgnoreCase) && string.Equals(Stamp(k.Key), stamp, StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="principal"/> is a wall screen signed in with a display key.</summary>
    public static bool IsDisplay(ClaimsPrincipal principal) => principal?.HasClaim(c => c.Type == CockpitClaims.DisplayKey) == true;

    private static string Stamp(DisplayKey key) => Convert.ToHexString(Digest(key.Name.ToUpperInvariant() + "\n" + key.Secret), 0, 16);

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
