using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Security;

/// <summary>The login through the real host: who gets in, who is sent to /login, and the API still answering JSON.</summary>
public sealed class LoginHttpTests : IDisposable
{
    private const string Evil = "<img src=x onerror=alert(1)>";

    private readonly CockpitWebFactory _factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<string> Body(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory]
    [InlineData("/", "/login?ReturnUrl=%2F")]
    [InlineData("/alerts?state=firing", "/login?ReturnUrl=%2Falerts%3Fstate%3Dfiring")]
    [InlineData("/alerts/12", "/login?ReturnUrl=%2Falerts%2F12")]
    [InlineData("/no-such-page", "/login?ReturnUrl=%2Fno-such-page")]
    public async Task Page_Anonymous_RedirectsToLoginWithReturnUrl(string path, string location)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost" + location, response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/healthz")]
    [InlineData("/ping")]
    [InlineData("/css/app.css")]
    [InlineData("/favicon.svg")]
    [InlineData("/access-denied")]
    public async Task OpenPath_Anonymous_Answered(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task LoginPage_StaticFormWithAntiforgeryAndNoScript()
    {
        using var client = Client();

        var html = await client.GetStringAsync("/login");

        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"login-demo\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_ChineseBrowser_ChineseTextAndMessage()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN,zh;q=0.9");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/login"));
        using var wrong = await CockpitWebFactory.SignInAsync(client, "viewer.user", "wrong-password");

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains(">用户名</label>", html, StringComparison.Ordinal);
        Assert.Contains("用户名或密码错误。", await Body(wrong), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_AnonymousOrWithOnlyTheSessionCookie_401JsonNeverARedirect()
    {
        using var client = await _factory.CreateSignedInClientAsync(ApiRoles.Admin);
        using var anonymous = Client();

        foreach (var http in new[] { client, anonymous })
        {
            using var response = await http.GetAsync("/api/alerts");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
            Assert.StartsWith("Authentication required", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Api_BearerToken_StillWorks()
    {
        using var client = _factory.CreateApiClient(ApiRoles.Viewer);

        using var response = await client.GetAsync("/api/alerts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_RightPassword_RedirectsToTheLocalReturnUrlWithASessionCookie()
    {
        using var client = Client();
        await client.GetAsync("/login");

        using var response = await CockpitWebFactory.SignInAsync(client, "ONCALL.user", CockpitWebFactory.UserPassword(ApiRoles.OnCall), "/login?ReturnUrl=%2Falerts%3Fstate%3Dfiring");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/alerts?state=firing", response.Headers.Location!.ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cockpit.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);

        // Over plain HTTP the cookie cannot be Secure; behind HTTPS it is (SameAsRequest).
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2F%2Fevil.example%2F")]
    [InlineData("%2F%5Cevil.example")]
    public async Task SignIn_ReturnUrlElsewhere_GoesToTheWall(string returnUrl)
    {
        using var client = Client();

        using var response = await CockpitWebFactory.SignInAsync(client, CockpitWebFactory.UserName(ApiRoles.Viewer), CockpitWebFactory.UserPassword(ApiRoles.Viewer), "/login?ReturnUrl=" + returnUrl);

        Assert.Equal("http://localhost/", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData(ApiRoles.Viewer, "Test viewer")]
    [InlineData(ApiRoles.OnCall, "Test oncall")]
    [InlineData(ApiRoles.Analyst, "Test analyst")]
    [InlineData(ApiRoles.Admin, "Test admin")]
    public async Task SignedIn_PagesShowTheUserAndTheRoleClaim(string role, string displayName)
    {
        using var client = await _factory.CreateSignedInClientAsync(role);

        using var response = await client.GetAsync("/alerts");
        var html = await Body(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($">{displayName}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"data-role=\"{role}\"", html, StringComparison.Ordinal);
        Assert.Contains("action=\"logout\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer.user", "wrong-password-0123")]
    [InlineData("nobody", "viewer-password-0123")]
    [InlineData(Evil, "x")]
    public async Task SignIn_WrongNameOrPassword_OneMessageNoCookieAndMarkupStaysText(string name, string password)
    {
        using var client = Client();

        using var response = await CockpitWebFactory.SignInAsync(client, name, password);
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong user name or password.", await Body(response), StringComparison.Ordinal);
        Assert.DoesNotContain("cockpit.session=", string.Join(' ', response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveFailures_TheNameIsLockedEvenForTheRightPasswordOthersAreNot()
    {
        using var client = Client();
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await CockpitWebFactory.SignInAsync(client, "oncall.user", "guess-" + i);
            Assert.Contains("Wrong user name or password.", await Body(wrong), StringComparison.Ordinal);
        }

        using var fifth = await CockpitWebFactory.SignInAsync(client, "oncall.user", "guess-5");
        using var right = await CockpitWebFactory.SignInAsync(client, "oncall.user", CockpitWebFactory.UserPassword(ApiRoles.OnCall));
        using var other = await CockpitWebFactory.SignInAsync(client, "viewer.user", CockpitWebFactory.UserPassword(ApiRoles.Viewer));

        Assert.Contains("Too many failed sign-ins for this user name. Try again in 5 min.", await Body(fifth), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Too many failed sign-ins", await Body(right), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_Refused()
    {
        using var client = Client();
        await client.GetAsync("/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = CockpitWebFactory.UserName(ApiRoles.Admin),
            ["Input.Password"] = CockpitWebFactory.UserPassword(ApiRoles.Admin),
        });

        using var response = await client.PostAsync("/login", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("cockpit.session=", string.Join(' ', response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_WithoutToken_RefusedAndStillSignedIn_WithToken_SignedOut()
    {
        using var client = await _factory.CreateSignedInClientAsync(ApiRoles.OnCall);
        var page = await client.GetStringAsync("/alerts");

        using var forged = await client.PostAsync("/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var still = await client.GetAsync("/alerts"))
        {
            Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        }

        using var logout = await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CockpitWebFactory.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("/login", logout.Headers.Location!.OriginalString);
        using var after = await client.GetAsync("/alerts");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Session_UserChangedInConfiguration_NextRequestGoesToLogin()
    {
        var cookie = await _factory.SessionCookieAsync(ApiRoles.Admin);

        // A second host with the first one's data-protection keys (so it can read the cookie) where admin.user is now a viewer.
        using var data = new TempDirectory();
        var keys = Path.Combine(_factory.Services.GetRequiredService<IOptions<CockpitOptions>>().Value.ResolveDataDir(), "keys");
        Directory.CreateDirectory(Path.Combine(data.Path, "keys"));
        foreach (var file in Directory.GetFiles(keys))
        {
            File.Copy(file, Path.Combine(data.Path, "keys", Path.GetFileName(file)));
        }

        using var changedHost = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:DataDir", data.Path)
            .With("Cockpit:Users:3:Role", ApiRoles.Viewer);
        using var changedClient = changedHost.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var sameClient = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var unchanged = await sameClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/alerts") { Headers = { { "Cookie", cookie } } });
        using var changed = await changedClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/alerts") { Headers = { { "Cookie", cookie } } });

        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.StartsWith("http://localhost/login", changed.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
