using Microsoft.Playwright;

namespace Cockpit.Tests.Testing;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright. No browser is downloaded: Playwright's own browser
/// builds cannot be fetched here, and the distribution's Chromium is what test.sh installs.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    /// <summary>Where the browser is expected; override with COCKPIT_CHROMIUM.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("COCKPIT_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private ChromiumBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<ChromiumBrowser> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium not found at {ExecutablePath}: run ./test.sh (it installs Debian's chromium) or set COCKPIT_CHROMIUM.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return new ChromiumBrowser(playwright, browser);
    }

    /// <summary>Fills and submits the login form at <paramref name="address"/> and waits until the browser has left it.</summary>
    public static async Task SignInAsync(IPage page, Uri address, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(address, "login").ToString());
        await page.FillAsync("#login-name", userName);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("button.login-submit");
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
    }

    /// <summary>Folder for screenshots: artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cockpit.sln")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(path);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
