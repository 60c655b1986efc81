using Microsoft.Extensions.Options;

namespace Cockpit.Web.Security;

/// <summary>Whether OpenID Connect sign-in is configured, and how the login page names it.</summary>
public sealed class OidcSettings(IOptions<OidcOptions> options)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "oidc";

    /// <summary>True when <c>Cockpit:Oidc:Authority</c> and <c>ClientId</c> are set.</summary>
    public bool Enabled { get; } = IsConfigured(options.Value);

    /// <summary>The provider's name for the login page.</summary>
    public string DisplayName { get; } = options.Value.DisplayName;

    /// <summary>Whether <paramref name="options"/> turn OpenID Connect on.</summary>
    public static bool IsConfigured(OidcOptions options) =>
        !string.IsNullOrWhiteSpace(options?.Authority) && !string.IsNullOrWhiteSpace(options.ClientId);
}
