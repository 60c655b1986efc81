using System.Security.Claims;
using Cockpit.Web.Security;

namespace Cockpit.Tests.Web.Security;

public sealed class OidcPrincipalTests
{
    private static ClaimsPrincipal External(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc"));

    [Fact]
    public void CockpitPrincipal_RoleClaimValuesThatNameRoles_BecomeRoles()
    {
        var principal = OidcRegistration.CockpitPrincipal(
            External(("sub", "42"), ("preferred_username", "li.wei"), ("name", "Li Wei"), ("roles", "OnCall"), ("roles", "finance"), ("roles", "analyst")),
            new OidcOptions());

        Assert.NotNull(principal);
        Assert.Equal("li.wei", principal.Identity!.Name);
        Assert.Equal(["oncall", "analyst"], principal.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Equal("Li Wei", principal.FindFirst(CockpitClaims.DisplayName)!.Value);
        Assert.Equal(SessionValidator.OidcStamp, principal.FindFirst(CockpitClaims.Stamp)!.Value);
    }

    [Fact]
    public void CockpitPrincipal_ConfiguredClaims_Used()
    {
        var principal = OidcRegistration.CockpitPrincipal(
            External(("sub", "42"), ("email", "li.wei@example.com"), ("groups", "admin")),
            new OidcOptions { RoleClaim = "groups", NameClaim = "upn" });

        Assert.Equal("li.wei@example.com", principal!.Identity!.Name);
        Assert.True(principal.IsInRole("admin"));
    }

    [Fact]
    public void CockpitPrincipal_NoCockpitRole_Null() =>
        Assert.Null(OidcRegistration.CockpitPrincipal(External(("sub", "42"), ("roles", "finance")), new OidcOptions()));
}
