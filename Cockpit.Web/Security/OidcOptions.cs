namespace Cockpit.Web.Security;

/// <summary>Sign-in through an OpenID Connect provider (section <c>Cockpit:Oidc</c>); on when Authority and ClientId are set.</summary>
public sealed class OidcOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cockpit:Oidc";

    /// <summary>The provider's issuer URL, e.g. <c>https://login.example.com/realms/ops</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Cockpit's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>Cockpit's client secret at the provider (authorization code flow with PKCE).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The claim whose values name Cockpit roles (viewer, oncall, analyst, admin); default <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim used as the user name; default <c>preferred_username</c> (then <c>email</c>, then <c>sub</c>).</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>The provider's name on the login page's button.</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Whether the provider's metadata must come over HTTPS (default true; false only for a local test provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
