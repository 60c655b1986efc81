using System.Net;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Security;

/// <summary>
/// Managed users through the real host: they sign in with the login form, and a session cookie issued before a
/// change (disabled, deleted, another role or password) no longer opens a page.
/// </summary>
public sealed class ManagedUsersHttpTests : IDisposable
{
    private const string Password = "li.wei-password-2026";

    private readonly CockpitWebFactory _factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    public void Dispose() => _factory.Dispose();

    private UserAdministration Admin => _factory.Services.GetRequiredService<UserAdministration>();

    private static System.Security.Claims.ClaimsPrincipal Token => UsersHarness.ApiCaller(CockpitWebFactory.ApiTokenName(ApiRoles.Admin), ApiRoles.Admin);

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<HttpResponseMessage> Get(string path, string cookie)
    {
        using var client = Client();
        return await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Cookie", cookie } } });
    }

    // Signs in through the form as a browser does and returns the session cookie (name=value).
    private async Task<string> SignIn(string name, string password)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await CockpitWebFactory.SignInAsync(client, name, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {name} answered {(int)response.StatusCode}: {WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())}");
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("cockpit.session=", StringComparison.Ordinal));
    }

    private async Task<string> SignInFails(string name, string password)
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await CockpitWebFactory.SignInAsync(client, name, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ManagedUser_SignsInThroughTheForm_AndAfterDisableTheOldCookieOpensNoPage()
    {
        Assert.Equal(UserAdminOutcome.Done, Admin.Create(Token, "li.wei", "李伟 Li Wei", ApiRoles.OnCall, Password));
        var cookie = await SignIn("LI.WEI", Password);

        using (var page = await Get("/alerts", cookie))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
            Assert.Contains(">李伟 Li Wei</span>", html, StringComparison.Ordinal);
            Assert.Contains("data-role=\"oncall\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(UserAdminOutcome.Done, Admin.SetDisabled(Token, "li.wei", disabled: true));

        using var after = await Get("/alerts", cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("http://localhost/login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Wrong user name or password.", await SignInFails("li.wei", Password), StringComparison.Ordinal);

        Assert.Equal(UserAdminOutcome.Done, Admin.SetDisabled(Token, "li.wei", disabled: false));
        using var back = await Get("/alerts", await SignIn("li.wei", Password));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task ManagedAdminDemoted_OldCookieEnds_NewSignInIsAViewerWithoutAdmin()
    {
        Assert.Equal(UserAdminOutcome.Done, Admin.Create(Token, "li.wei", null, ApiRoles.Admin, Password));
        var cookie = await SignIn("li.wei", Password);
        using (var admin = await Get("/admin", cookie))
        {
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
            var html = await admin.Content.ReadAsStringAsync();
            Assert.Contains("<section id=\"users\"", html, StringComparison.Ordinal);
            Assert.Contains("data-user=\"li.wei\" data-source=\"managed\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(UserAdminOutcome.Done, Admin.ChangeRole(Token, "li.wei", ApiRoles.Viewer));

        using var old = await Get("/alerts", cookie);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.StartsWith("http://localhost/login", old.Headers.Location!.ToString(), StringComparison.Ordinal);
        var viewer = await SignIn("li.wei", Password);
        using var alerts = await Get("/alerts", viewer);
        using var denied = await Get("/admin", viewer);
        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("http://localhost/access-denied", denied.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordResetOrDelete_OldCookieEnds()
    {
        Assert.Equal(UserAdminOutcome.Done, Admin.Create(Token, "li.wei", null, ApiRoles.Analyst, Password));
        Assert.Equal(UserAdminOutcome.Done, Admin.Create(Token, "wang.fang", null, ApiRoles.Analyst, Password));
        var liWei = await SignIn("li.wei", Password);
        var wangFang = await SignIn("wang.fang", Password);

        Assert.Equal(UserAdminOutcome.Done, Admin.ResetPassword(Token, "li.wei", "another-password-2026"));
        Assert.Equal(UserAdminOutcome.Done, Admin.Delete(Token, "wang.fang"));

        using var reset = await Get("/alerts", liWei);
        using var deleted = await Get("/alerts", wangFang);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await SignIn("li.wei", "another-password-2026");
    }

    [Fact]
    public async Task ManagedUsers_SurviveARestartOfTheHost()
    {
        Assert.Equal(UserAdminOutcome.Done, Admin.Create(Token, "li.wei", null, ApiRoles.OnCall, Password));
        var dataDir = _factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Cockpit.Ingest.Configuration.CockpitOptions>>().Value.ResolveDataDir();

        using var restarted = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false").With("Cockpit:DataDir", dataDir);
        using var client = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await CockpitWebFactory.SignInAsync(client, "li.wei", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
