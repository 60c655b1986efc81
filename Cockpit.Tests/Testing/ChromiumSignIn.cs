using Microsoft.Playwright;

namespace Cockpit.Tests.Testing;

/// <summary>
/// Signed-in browser pages for the test users of <see cref="CockpitWebFactory"/> (kept apart from
/// <see cref="ChromiumBrowser"/>, which the bench compiles without the factory).
/// </summary>
public static class ChromiumSignIn
{
    /// <summary>A new page (own cookies) signed in through the login form as the test user of <paramref name="role"/>.</summary>
    public static async Task<IPage> NewSignedInPageAsync(this ChromiumBrowser chromium, Uri address, string role, BrowserNewPageOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        var page = await chromium.Browser.NewPageAsync(options);
        await ChromiumBrowser.SignInAsync(page, address, CockpitWebFactory.UserName(role), CockpitWebFactory.UserPassword(role));
        return page;
    }
}
