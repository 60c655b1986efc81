using Cockpit.Detection.Rules.Catalog;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>An admin changes a rule as a person does, in Debian's Chromium: from the rules table to the editor and back.</summary>
public sealed class RuleEditorBrowserTests() : BrowserTest(
    new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false"))
{
    [Fact]
    public async Task Admin_EditsARuleInTheEditor_SeesTheImpact_AndTheTableShowsWhoChangedIt()
    {
        var page = await Chromium.NewSignedInPageAsync(Address, "admin", new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var errors = PageProblems.Watch(page);

        await Flow(page);
        Assert.Empty(errors);
    }

    private async Task Flow(IPage page)
    {
        await page.GotoAsync(new Uri(Address, "/admin").ToString());
        await page.Locator("tr[data-rule=complaint-surge] a.admin-button").ClickAsync();
        var box = page.Locator("[data-testid=rule-json]");
        await Assertions.Expect(box).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"PendingPoints\": 2"));

        var json = await box.InputValueAsync();
        await box.FillAsync(json.Replace("\"PendingPoints\": 2", "\"PendingPoints\": 3", StringComparison.Ordinal).Replace("\"Surge\": {", "\"Surge\": { \"EdgeZ\": 500,", StringComparison.Ordinal));
        await page.Locator("[data-action=check]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rule-problems]")).ToContainTextAsync("Surge.EdgeZ: must be between");

        await box.FillAsync(json.Replace("\"PendingPoints\": 2", "\"PendingPoints\": 3", StringComparison.Ordinal));
        await page.Locator("[data-action=check]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rule-status]")).ToContainTextAsync("detectors keep what they learnt");
        await page.Locator("[data-action=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rule-status]")).ToContainTextAsync("Saved and in force");
        await Assertions.Expect(page.Locator("[data-testid=rule-history]")).ToContainTextAsync("changed");
        await PageProblems.ScreenshotAsync(page, "admin-rule-editor.png");

        Assert.Equal(3, Factory.Services.GetRequiredService<IRuleCatalog>().Find("complaint-surge")!.Options.PendingPoints);
        await page.GotoAsync(new Uri(Address, "/admin#rules").ToString());
        await Assertions.Expect(page.Locator("tr[data-rule=complaint-surge] .rule-origin")).ToContainTextAsync("changed by admin.user");
    }
}
