using Microsoft.Playwright;

namespace Cockpit.Tests.Testing;

/// <summary>
/// What went wrong in a browser page while a test drove it: script errors, console errors and any dialog (a dialog is
/// dismissed and recorded: an <c>alert()</c> from injected markup must fail the test, not hang it).
/// </summary>
public static class PageProblems
{
    /// <summary>Starts recording <paramref name="page"/>'s problems into the returned list.</summary>
    public static List<string> Watch(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add("error: " + error);
        page.Dialog += async (_, dialog) =>
        {
            problems.Add($"dialog ({dialog.Type}): {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add("console: " + message.Text);
            }
        };
        return problems;
    }

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/<paramref name="name"/> after the page settles.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForTimeoutAsync(500);
        var path = Path.Combine(ChromiumBrowser.ScreenshotDirectory(), name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000, $"{name} is nearly empty");
    }
}
