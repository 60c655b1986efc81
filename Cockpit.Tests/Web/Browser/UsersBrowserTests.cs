using System.Text.RegularExpressions;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>An admin manages users on /admin in Debian's Chromium; the user they create signs in, and is shut out once disabled.</summary>
public sealed class UsersBrowserTests() : BrowserTest(
    new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false"))
{
    private const string Evil = "<img src=x onerror=alert(1)>";
    private const string Password = "wang.fang-password-2026";

    [Fact]
    public async Task Admin_CreatesAUserWhoSignsIn_ThenDisablesThem_AndUnlocksAName()
    {
        // Somebody guessed the viewer's password five times: the name is locked.
        var throttle = Factory.Services.GetRequiredService<LoginThrottle>();
        for (var i = 0; i < 5; i++)
        {
            throttle.Failed(CockpitWebFactory.UserName(ApiRoles.Viewer));
        }

        var admin = await Chromium.NewSignedInPageAsync(Address, ApiRoles.Admin, new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 900 } });
        var errors = new List<string>();
        admin.PageError += (_, error) => errors.Add(error);
        admin.Dialog += (_, dialog) => errors.Add("dialog: " + dialog.Message);
        await admin.GotoAsync(new Uri(Address, "admin#users").ToString());
        var users = admin.Locator("section#users");
        await Assertions.Expect(users.Locator("[data-testid=users-panel]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 15_000 });

        // Configured users are there, read-only.
        await Assertions.Expect(users.Locator("tr[data-source=configuration]")).ToHaveCountAsync(4);
        await Assertions.Expect(users.Locator("tr[data-source=configuration] button")).ToHaveCountAsync(0);

        // Create wang.fang, an analyst, with markup as a display name.
        await users.Locator("input[name=user-name]").FillAsync("wang.fang");
        await users.Locator("input[name=user-display-name]").FillAsync(Evil);
        await users.Locator("select[name=user-role]").SelectOptionAsync(ApiRoles.Analyst);
        await users.Locator("input[name=user-password]").FillAsync(Password);
        await users.Locator("[data-testid=user-create]").ClickAsync();
        await Assertions.Expect(users.Locator(".admin-message")).ToHaveTextAsync("wang.fang was created.");
        var row = users.Locator("tr[data-user='wang.fang']");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(Evil);
        await Assertions.Expect(users.Locator("input[name=user-password]")).ToHaveValueAsync("");
        await Assertions.Expect(admin.Locator("img")).ToHaveCountAsync(0);

        // wang.fang signs in with the new password and reaches explore.
        var wang = await Chromium.Browser.NewPageAsync();
        await ChromiumBrowser.SignInAsync(wang, Address, "wang.fang", Password);
        await wang.GotoAsync(new Uri(Address, "alerts").ToString());
        await Assertions.Expect(wang.Locator(".user-role")).ToHaveAttributeAsync("data-role", ApiRoles.Analyst);

        // The admin cannot disable themselves (configured: no button at all) but disables wang.fang.
        await row.Locator("button[data-action=disable]").ClickAsync();
        await Assertions.Expect(row.Locator(".user-state")).ToHaveTextAsync("disabled");

        // wang.fang's next page load goes to the login page.
        await wang.GotoAsync(new Uri(Address, "alerts").ToString());
        await wang.WaitForURLAsync(new Regex("/login\\?ReturnUrl=%2Falerts$"));

        // Unlock the viewer's name.
        var locked = users.Locator($"tr[data-locked='{CockpitWebFactory.UserName(ApiRoles.Viewer)}']");
        await Assertions.Expect(locked).ToHaveCountAsync(1);
        await Screenshot(users, "admin-users.png");
        await locked.Locator("button").ClickAsync();
        await Assertions.Expect(locked).ToHaveCountAsync(0);
        Assert.Null(throttle.LockedFor(CockpitWebFactory.UserName(ApiRoles.Viewer)));
        await Assertions.Expect(users.Locator("table.user-changes tbody tr")).ToHaveCountAsync(3);

        // The same section for a Chinese browser.
        var chinese = await Chromium.NewSignedInPageAsync(Address, ApiRoles.Admin, new BrowserNewPageOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1500, Height = 900 } });
        await chinese.GotoAsync(new Uri(Address, "admin#users").ToString());
        var zh = chinese.Locator("section#users");
        await Assertions.Expect(zh.Locator("h2")).ToHaveTextAsync("用户");
        await Assertions.Expect(zh.Locator("tr[data-user='wang.fang'] .user-state")).ToHaveTextAsync("已停用");
        await Screenshot(zh, "admin-users-zh.png");

        Assert.Empty(errors);
    }

    private static async Task Screenshot(ILocator section, string name)
    {
        await section.Page.WaitForTimeoutAsync(300);
        var path = Path.Combine(ChromiumBrowser.ScreenshotDirectory(), name);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}
