using System.Globalization;
using System.Security.Claims;
using Bunit;
using Cockpit.Web.Components.Account;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Account;

/// <summary>The top bar's user menu: who is signed in (as text), their role, and a sign-out form carrying the anti-forgery token.</summary>
public sealed class UserMenuTests : BunitContext
{
    private const string Evil = "<img src=x onerror=alert(1)>";

    public UserMenuTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
    }

    [Fact]
    public void SignedIn_DisplayNameAsTextRoleAndLogoutForm()
    {
        AddAuthorization().SetAuthorized("li.wei").SetRoles(ApiRoles.OnCall).SetClaims(new Claim(CockpitClaims.DisplayName, Evil));

        var menu = Render<UserMenu>();

        Assert.Equal(Evil, menu.Find(".user-name").TextContent);
        Assert.Equal("li.wei", menu.Find(".user-name").GetAttribute("title"));
        Assert.Empty(menu.FindAll("img"));
        Assert.Equal("on call", menu.Find(".user-role").TextContent);
        Assert.Equal("oncall", menu.Find(".user-role").GetAttribute("data-role"));
        var form = menu.Find("form.user-logout");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("logout", form.GetAttribute("action"));
        Assert.Equal("token-123", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value"));
    }

    [Fact]
    public void DisplayKey_ShownAsWallDisplayInChinese()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        AddAuthorization().SetAuthorized("display:lobby").SetRoles(ApiRoles.Viewer)
            .SetClaims(new Claim(CockpitClaims.DisplayKey, "lobby"), new Claim(CockpitClaims.DisplayName, "lobby"));

        var menu = Render<UserMenu>();

        Assert.Equal("lobby", menu.Find(".user-name").TextContent);
        Assert.Equal("大屏显示", menu.Find(".user-role").TextContent);
        Assert.Equal("退出", menu.Find("button[data-testid=logout]").TextContent);
    }

    [Fact]
    public void Anonymous_NothingShown()
    {
        AddAuthorization();

        var menu = Render<UserMenu>();

        Assert.Empty(menu.FindAll(".user-menu"));
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token-123", "__RequestVerificationToken");
    }
}
