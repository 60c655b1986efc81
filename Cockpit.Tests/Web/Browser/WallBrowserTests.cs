using Cockpit.Tests.Testing;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>The wall as a person sees it: real host on a socket, Debian's Chromium, screenshots saved for review.</summary>
public sealed class WallBrowserTests : IAsyncLifetime
{
    private readonly CockpitWebFactory _factory = new();
    private ChromiumBrowser? _chromium;
    private Uri _address = default!;

    public async Task InitializeAsync()
    {
        // Real-time-ish speed: one simulated minute every 50 ms, so charts fill while we watch and an incident comes quickly.
        _factory.With("Cockpit:Simulator:Speed", "1200");
        _address = _factory.StartOnKestrel();
        _chromium = await ChromiumBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        _factory.Dispose();
    }

    [Fact]
    public async Task Wall_Open_ChartsReceivePushedPointsAndAlertShows()
    {
        var page = await _chromium!.NewSignedInPageAsync(_address, "viewer", new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(_address.ToString());

        // The chart's data-points attribute is set by our JS after ApexCharts received series over the circuit.
        var complaints = page.Locator("[data-chart=complaints]");
        await Assertions.Expect(complaints).ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"), new() { Timeout = 30_000 });
        var first = long.Parse((await complaints.GetAttributeAsync("data-last-x"))!, System.Globalization.CultureInfo.InvariantCulture);

        // Pushed, not polled: newer points keep arriving without any reload or click.
        await Assertions.Expect(complaints).ToHaveAttributeAsync("data-updates", new System.Text.RegularExpressions.Regex("^([3-9]|[1-9][0-9]+)$"), new() { Timeout = 30_000 });
        var later = long.Parse((await complaints.GetAttributeAsync("data-last-x"))!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(later > first, $"newest point {first} → {later}");
        Assert.True(await page.Locator("[data-chart=complaints] path.apexcharts-line").CountAsync() >= 11);

        // The simulated surge shows up as an alert row without a refresh.
        await Assertions.Expect(page.Locator(".alert-row.alert-firing").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(1_500);

        var path = Path.Combine(ChromiumBrowser.ScreenshotDirectory(), "wall.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 20_000);
        Assert.Empty(errors);
    }
}
