using System.Text.RegularExpressions;
using Cockpit.Tests.Testing;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>Signing in as a person does it, in Debian's Chromium: the form, the wall behind it, signing out; and a wall screen's key.</summary>
public sealed class LoginBrowserTests() : BrowserTest(
    new CockpitWebFactory()
        .With("Cockpit:Display:Keys:0:Name", "floor-2-tv")
        .With("Cockpit:Display:Keys:0:Secret", DisplaySecret))
{
    private const string DisplaySecret = "floor-2-tv-secret-0123456789";

    [Fact]
    public async Task Login_ThroughTheForm_SeesTheWallThenSignsOut()
    {
        var page = await Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var errors = PageProblems.Watch(page);

        // The wall sends a stranger to the login page.
        await page.GotoAsync(Address.ToString());
        await page.WaitForURLAsync(new Regex("/login\\?ReturnUrl=%2F$"));
        await Assertions.Expect(page.Locator("h1.login-title")).ToHaveTextAsync("Sign in");

        // A wrong password, with markup for a name: one plain message, nothing run.
        await page.FillAsync("#login-name", "<img src=x onerror=alert(1)>");
        await page.FillAsync("#login-password", "nope");
        await page.ClickAsync("button.login-submit");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("Wrong user name or password.");
        await Assertions.Expect(page.Locator("#login-name")).ToHaveValueAsync("<img src=x onerror=alert(1)>");
        await Assertions.Expect(page.Locator("img")).ToHaveCountAsync(0);

        await page.FillAsync("#login-name", CockpitWebFactory.UserName("oncall"));
        await page.FillAsync("#login-password", "wrong-again");
        await page.ClickAsync("button.login-submit");
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
        await page.FillAsync("#login-password", "");
        await page.Locator("#login-name").FocusAsync();
        await PageProblems.ScreenshotAsync(page, "login.png");

        // The right one: back to where the person wanted to go, the live wall, with their name and role.
        await page.FillAsync("#login-password", CockpitWebFactory.UserPassword("oncall"));
        await page.ClickAsync("button.login-submit");
        await page.WaitForURLAsync(new Uri(Address, "/").ToString());
        await Assertions.Expect(page.Locator("[data-chart=complaints]")).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Test oncall");
        await Assertions.Expect(page.Locator(".user-role")).ToHaveAttributeAsync("data-role", "oncall");
        await PageProblems.ScreenshotAsync(page, "login-wall.png");

        // Signing out ends the session: the wall is closed again.
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync(new Regex("/login$"));
        await page.GotoAsync(new Uri(Address, "alerts").ToString());
        await page.WaitForURLAsync(new Regex("/login\\?ReturnUrl=%2Falerts$"));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task DisplayKey_OpensTheWallOnly()
    {
        var page = await Chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var errors = PageProblems.Watch(page);

        await page.GotoAsync(new Uri(Address, "/?key=" + DisplaySecret).ToString());

        // The key leaves the address bar; the wall runs live.
        await page.WaitForURLAsync(new Uri(Address, "/").ToString());
        await Assertions.Expect(page.Locator("[data-chart=complaints]")).ToHaveAttributeAsync("data-points", new Regex("^[1-9][0-9]*$"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("floor-2-tv");

        // Following the top bar's link inside the live circuit: refused there too, not only on a fresh request.
        await page.ClickAsync("a.topbar-link[href=alerts]");
        await Assertions.Expect(page.Locator("[data-testid=not-authorized]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr.alert-table-row")).ToHaveCountAsync(0);

        await page.GotoAsync(new Uri(Address, "alerts").ToString());
        await page.WaitForURLAsync(new Regex("/access-denied\\?ReturnUrl=%2Falerts$"));
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToContainTextAsync("opens the wall only");

        Assert.Empty(errors);
    }
}
