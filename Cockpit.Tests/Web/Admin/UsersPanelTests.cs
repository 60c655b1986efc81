using System.Globalization;
using System.Security.Claims;
using Bunit;
using Cockpit.Tests.Web.Security;
using Cockpit.Web.Components.Controls.Admin;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Admin;

/// <summary>The users section of /admin on the real store and directory, signed in with real session stamps.</summary>
public sealed class UsersPanelTests : BunitContext
{
    private const string Evil = "<img src=x onerror=alert(1)>";
    private const string Password = "li.wei-password-2026";

    private readonly UsersHarness _users = new([UsersHarness.Configured("admin.zhang", ApiRoles.Admin), UsersHarness.Configured("viewer.chen", ApiRoles.Viewer)]);

    public UsersPanelTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(Cockpit.Tests.Testing.DisplayZones.Shanghai);
        Services.AddSingleton(_users.Admin);
        Services.AddSingleton(_users.Store);
        Services.AddSingleton(_users.Throttle);
        Services.AddSingleton(_users.Directory);
        Services.AddSingleton<TimeProvider>(_users.Time);
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _users.Dispose();
        }
    }

    private ClaimsPrincipal Zhang => _users.SessionOf("admin.zhang");

    // Signs the test renderer in as the session <paramref name="name"/> has now (name, role, stamp).
    private void SignIn(string name)
    {
        var session = _users.SessionOf(name);
        AddAuthorization().SetAuthorized(name).SetRoles(session.FindFirst(ClaimTypes.Role)!.Value).SetClaims(session.FindFirst(CockpitClaims.Stamp)!);
    }

    // After every service and the sign-in are in place: the renderer's info starts the service provider.
    private IRenderedComponent<UsersPanel> RenderPanel()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<UsersPanel>();
    }

    private void CreateLiWei(string role = ApiRoles.OnCall, string? displayName = "Li Wei") =>
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.Create(Zhang, "li.wei", displayName, role, Password));

    [Fact]
    public void Admin_CreatesAUser_RowAppearsThePasswordIsClearedAndNeverInTheMarkup()
    {
        SignIn("admin.zhang");
        var panel = RenderPanel();

        panel.Find("input[name=user-name]").Change("wang.fang");
        panel.Find("input[name=user-display-name]").Change("王芳 Wang Fang");
        panel.Find("select[name=user-role]").Change(ApiRoles.Analyst);
        panel.Find("input[name=user-password]").Change(Password);
        Assert.Equal("password", panel.Find("input[name=user-password]").GetAttribute("type"));
        panel.Find("form.users-create").Submit();

        Assert.Equal("wang.fang was created.", panel.Find(".admin-message").TextContent);
        var row = panel.Find("tr[data-user='wang.fang']");
        Assert.Equal("managed", row.GetAttribute("data-source"));
        Assert.Contains("王芳 Wang Fang", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(ApiRoles.Analyst, row.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Contains("created · admin.zhang", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, panel.Markup, StringComparison.Ordinal);
        Assert.Equal("", panel.Find("input[name=user-password]").GetAttribute("value") ?? "");
        Assert.NotNull(_users.Directory.Verify("wang.fang", Password));
        Assert.Equal("token-123", panel.Find("form.users-create input[name=__RequestVerificationToken]").GetAttribute("value"));
        panel.Find("tr[data-user='wang.fang'] button[data-action=reset]").Click();
        Assert.Equal("token-123", panel.Find("form.users-reset input[name=__RequestVerificationToken]").GetAttribute("value"));
    }

    [Fact]
    public void Create_WeakPassword_ReasonShownPasswordClearedNothingCreated()
    {
        SignIn("admin.zhang");
        var panel = RenderPanel();

        panel.Find("input[name=user-name]").Change("wang.fang");
        panel.Find("input[name=user-password]").Change("short-pw");
        panel.Find("form.users-create").Submit();

        Assert.Equal("The password needs at least 12 characters and must not be the user name.", panel.Find(".admin-error").TextContent);
        Assert.Equal("wang.fang", panel.Find("input[name=user-name]").GetAttribute("value"));
        Assert.DoesNotContain("short-pw", panel.Markup, StringComparison.Ordinal);
        Assert.Empty(_users.Store.List());
    }

    [Fact]
    public void MarkupInADisplayNameOrALockedName_RenderedAsText()
    {
        CreateLiWei(displayName: Evil);
        for (var i = 0; i < 5; i++)
        {
            _users.Throttle.Failed(Evil);
        }

        SignIn("admin.zhang");
        var panel = RenderPanel();

        Assert.Empty(panel.FindAll("img"));
        Assert.Equal(Evil, panel.Find("tr[data-user='li.wei'] td:nth-child(2)").TextContent);
        Assert.Equal(Evil, panel.Find("table.lockouts tbody td").TextContent);
    }

    [Fact]
    public void ConfiguredUsers_ReadOnlyWithTheirRole_ManagedOnesHaveActions()
    {
        CreateLiWei();
        SignIn("admin.zhang");
        var panel = RenderPanel();

        var zhang = panel.Find("tr[data-user='admin.zhang']");
        Assert.Equal("configuration", zhang.GetAttribute("data-source"));
        Assert.Equal("admin", zhang.QuerySelector(".user-role-text")!.TextContent);
        Assert.Empty(zhang.QuerySelectorAll("button, select, input"));
        Assert.Contains("changed in configuration", zhang.TextContent, StringComparison.Ordinal);
        Assert.Equal(["reset", "disable", "delete"], panel.FindAll("tr[data-user='li.wei'] button").Select(b => b.GetAttribute("data-action")));
    }

    [Fact]
    public void DemoUsers_ShownAsDemoWithAWarning()
    {
        using var demo = new UsersHarness(demo: true);
        Services.AddSingleton(demo.Admin);
        Services.AddSingleton(demo.Store);
        Services.AddSingleton(demo.Throttle);
        Services.AddSingleton(demo.Directory);
        var session = demo.SessionOf("admin");
        AddAuthorization().SetAuthorized("admin").SetRoles(ApiRoles.Admin).SetClaims(session.FindFirst(CockpitClaims.Stamp)!);

        var panel = RenderPanel();

        Assert.Equal(["demo", "demo", "demo", "demo"], panel.FindAll("tr[data-user]").Select(r => r.GetAttribute("data-source")));
        Assert.Contains("demo user", panel.Find("tr[data-user=admin]").TextContent, StringComparison.Ordinal);
        Assert.Contains("The demo users are active", panel.Find(".users-demo-warning").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApiRoles.Viewer)]
    [InlineData(ApiRoles.OnCall)]
    [InlineData(ApiRoles.Analyst)]
    public void NonAdmin_NeverSeesUsersNorForms(string role)
    {
        CreateLiWei();
        AddAuthorization().SetAuthorized("someone").SetRoles(role);

        var panel = RenderPanel();

        Assert.Empty(panel.FindAll("[data-testid=users-panel], form, table, input"));
        Assert.DoesNotContain("li.wei", panel.Markup, StringComparison.Ordinal);
        Assert.Equal("Only admins can do this.", panel.Find("[data-testid=users-not-allowed]").TextContent);
    }

    [Fact]
    public void DemotedAdminWithAnOpenPage_ClicksAreRefusedOnTheServer()
    {
        CreateLiWei(ApiRoles.Admin);
        Assert.Equal(UserAdminOutcome.Done, _users.Admin.Create(Zhang, "wang.fang", null, ApiRoles.Viewer, Password));
        SignIn("li.wei");
        var panel = RenderPanel();

        // Another admin makes li.wei a viewer; li.wei's page still shows the buttons until the circuit revalidates.
        _users.Admin.ChangeRole(Zhang, "li.wei", ApiRoles.Viewer);
        panel.Find("tr[data-user='wang.fang'] button[data-action=disable]").Click();

        Assert.Equal("Only admins can do this.", panel.Find(".admin-error").TextContent);
        Assert.False(_users.Store.Find("wang.fang")!.Disabled);
    }

    [Fact]
    public void OwnAccount_DisableAndDemoteRefused_TheSelectShowsTheRoleItHas()
    {
        CreateLiWei(ApiRoles.Admin);
        SignIn("li.wei");
        var panel = RenderPanel();

        panel.Find("tr[data-user='li.wei'] button[data-action=disable]").Click();
        Assert.Equal("You cannot disable, delete or demote your own account.", panel.Find(".admin-error").TextContent);
        panel.Find("tr[data-user='li.wei'] select").Change(ApiRoles.Viewer);

        Assert.Equal("You cannot disable, delete or demote your own account.", panel.Find(".admin-error").TextContent);
        Assert.Equal(ApiRoles.Admin, panel.Find("tr[data-user='li.wei'] option[selected]").GetAttribute("value"));
        Assert.Equal((ApiRoles.Admin, false), (_users.Store.Find("li.wei")!.Role, _users.Store.Find("li.wei")!.Disabled));
    }

    [Fact]
    public void RoleChangeDisableEnable_StoredWithWhoAndShown()
    {
        CreateLiWei();
        SignIn("admin.zhang");
        var panel = RenderPanel();

        panel.Find("tr[data-user='li.wei'] select").Change(ApiRoles.Analyst);
        Assert.Equal("li.wei has a new role; their open sessions end.", panel.Find(".admin-message").TextContent);
        panel.Find("tr[data-user='li.wei'] button[data-action=disable]").Click();

        var row = panel.Find("tr[data-user='li.wei']");
        Assert.Equal("disabled", row.QuerySelector(".user-state")!.TextContent);
        Assert.Contains("user-inactive", row.ClassList);
        Assert.Equal((ApiRoles.Analyst, true), (_users.Store.Find("li.wei")!.Role, _users.Store.Find("li.wei")!.Disabled));
        Assert.Equal(["Disabled", "RoleChanged", "Created"], panel.FindAll("table.user-changes tbody tr").Select(r => r.GetAttribute("data-change")));
        Assert.Contains("role changed → analyst", panel.FindAll("table.user-changes tbody tr")[1].TextContent, StringComparison.Ordinal);

        panel.Find("tr[data-user='li.wei'] button[data-action=enable]").Click();
        Assert.Equal("active", panel.Find("tr[data-user='li.wei'] .user-state").TextContent);
    }

    [Fact]
    public void ResetPassword_InAPasswordFieldThenTheNewOneWorks()
    {
        CreateLiWei();
        SignIn("admin.zhang");
        var panel = RenderPanel();

        panel.Find("tr[data-user='li.wei'] button[data-action=reset]").Click();
        var input = panel.Find("tr[data-user='li.wei'] input[name=new-password]");
        Assert.Equal("password", input.GetAttribute("type"));
        input.Change("a-new-password-2026");
        panel.Find("tr[data-user='li.wei'] form.users-reset").Submit();

        Assert.Equal("The password of li.wei was set; their open sessions end.", panel.Find(".admin-message").TextContent);
        Assert.Empty(panel.FindAll("input[name=new-password]"));
        Assert.DoesNotContain("a-new-password-2026", panel.Markup, StringComparison.Ordinal);
        Assert.NotNull(_users.Directory.Verify("li.wei", "a-new-password-2026"));
        Assert.Null(_users.Directory.Verify("li.wei", Password));
    }

    [Fact]
    public void Delete_AsksFirstThenDeletes()
    {
        CreateLiWei();
        SignIn("admin.zhang");
        var panel = RenderPanel();

        panel.Find("tr[data-user='li.wei'] button[data-action=delete]").Click();
        Assert.NotNull(_users.Store.Find("li.wei"));
        Assert.Equal("Delete li.wei?", panel.Find("tr[data-user='li.wei'] .users-confirm").TextContent);
        panel.Find("tr[data-user='li.wei'] button[data-action=confirm-delete]").Click();

        Assert.Null(_users.Store.Find("li.wei"));
        Assert.Empty(panel.FindAll("tr[data-user='li.wei']"));
        Assert.Equal("li.wei was deleted.", panel.Find(".admin-message").TextContent);
    }

    [Fact]
    public void Lockouts_ShownLiveAndUnlocked()
    {
        SignIn("admin.zhang");
        var panel = RenderPanel();
        Assert.Equal("No user name is locked.", panel.Find(".users-no-lockouts").TextContent);

        for (var i = 0; i < 5; i++)
        {
            _users.Throttle.Failed("viewer.chen");
        }

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("tr[data-locked='viewer.chen']")));
        panel.Find("tr[data-locked='viewer.chen'] button").Click();

        Assert.Equal("viewer.chen may sign in again.", panel.Find(".admin-message").TextContent);
        Assert.Empty(panel.FindAll("tr[data-locked]"));
        Assert.Null(_users.Throttle.LockedFor("viewer.chen"));
    }

    [Fact]
    public void Lockout_EndsByItself_LeavesTheList()
    {
        for (var i = 0; i < 5; i++)
        {
            _users.Throttle.Failed("viewer.chen");
        }

        SignIn("admin.zhang");
        var panel = RenderPanel();
        Assert.Single(panel.FindAll("tr[data-locked]"));

        _users.Time.Advance(TimeSpan.FromMinutes(5));

        panel.WaitForAssertion(() => Assert.Empty(panel.FindAll("tr[data-locked]")));
    }

    [Fact]
    public void AnotherAdminsChange_ShownWithoutReload()
    {
        SignIn("admin.zhang");
        var panel = RenderPanel();

        CreateLiWei();

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("tr[data-user='li.wei']")));
    }

    [Fact]
    public void InChinese_HeadersAndStatesFromTheChineseResources()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        CreateLiWei();
        SignIn("admin.zhang");

        var panel = RenderPanel();

        Assert.Contains("用户名", panel.Find("table.users thead").TextContent, StringComparison.Ordinal);
        Assert.Equal("有效", panel.Find("tr[data-user='li.wei'] .user-state").TextContent);
        Assert.Contains("值班", panel.Find("tr[data-user='li.wei'] option[selected]").TextContent, StringComparison.Ordinal);
        Assert.Equal("配置", panel.Find("tr[data-user='admin.zhang'] td:nth-child(4)").TextContent);
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("token-123", "__RequestVerificationToken");
    }
}
