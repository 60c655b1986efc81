using System.Globalization;
using System.Text.RegularExpressions;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>The wall as a person sees it: real host on a socket, Debian's Chromium, screenshots saved for review.</summary>
// One simulated minute every 50 ms, so charts fill while we watch and an incident comes quickly.
public sealed partial class WallBrowserTests() : BrowserTest(new CockpitWebFactory().With("Cockpit:Simulator:Speed", "1200"))
{
    // The wall is for any signed-in role; until the login page exists in this branch the viewer's bearer token signs
    // the browser in (every request of the context carries it, the circuit's too).
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string query = "", string locale = "en-GB")
    {
        var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
            Locale = locale,
        });
        var page = await context.NewPageAsync();
        await ChromiumBrowser.SignInAsync(page, Address, CockpitWebFactory.UserName(ApiRoles.Viewer), CockpitWebFactory.UserPassword(ApiRoles.Viewer));
        var errors = PageProblems.Watch(page);
        await page.GotoAsync(new Uri(Address, query).ToString());
        return (page, errors);
    }

    private static async Task<long> AttributeAsync(ILocator locator, string name) =>
        long.Parse((await locator.GetAttributeAsync(name))!, CultureInfo.InvariantCulture);

    private static Task<int> DomNodesAsync(IPage page) => page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");

    [Fact]
    public async Task Wall_Open_ChartsReceivePushedPointsWithBandAlertShowsAndDomStaysBounded()
    {
        var (page, errors) = await OpenAsync();

        // The chart's data-points attribute is set by our JS after ApexCharts received series over the circuit.
        var complaints = page.Locator("[data-chart=complaints]");
        await Assertions.Expect(complaints).ToHaveAttributeAsync("data-points", PositiveNumber(), new() { Timeout = 30_000 });
        var first = await AttributeAsync(complaints, "data-last-x");
        var firstTile = await page.Locator("[data-kpi=complaints] .kpi-value").TextContentAsync();

        // Pushed, not polled: newer points keep arriving without any reload or click.
        await Assertions.Expect(complaints).ToHaveAttributeAsync("data-updates", new Regex("^([3-9]|[1-9][0-9]+)$"), new() { Timeout = 30_000 });
        var nodesEarly = await DomNodesAsync(page);
        var later = await AttributeAsync(complaints, "data-last-x");
        Assert.True(later > first, $"newest point {first} → {later}");
        Assert.True(await page.Locator("[data-chart=complaints] path.apexcharts-line").CountAsync() >= 11);
        // The hour's total moves with the pushed minutes (it can repeat for a push or two, so wait for it to move).
        await Assertions.Expect(page.Locator("[data-kpi=complaints] .kpi-value")).Not.ToHaveTextAsync(firstTile!, new() { Timeout = 30_000 });

        // The focus chart draws the detector's expected band as a range area behind the measured line.
        var focus = page.Locator("[data-chart=focus]");
        await Assertions.Expect(focus).ToHaveAttributeAsync("data-band-points", PositiveNumber(), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-chart=focus] .apexcharts-rangeArea-series path.apexcharts-rangeArea").First).ToBeAttachedAsync();

        // The heat grid scores every district, and the simulated surge shows as an alert without a refresh.
        await Assertions.Expect(page.Locator(".heat-cell[data-family=complaints]:not(.heat-none)")).ToHaveCountAsync(11, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".alert-row.alert-firing").First).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator(".ticker-item").First).ToBeVisibleAsync();
        // The firing alert is marked on its family's chart (whichever family the simulator's first incident hit).
        await page.WaitForFunctionAsync(
            "() => ['complaints', 'success-rate', 'latency'].some(k => Number(document.querySelector(`[data-chart=${k}]`)?.dataset.annotations) > 0)",
            null,
            new() { Timeout = 60_000 });

        // Many updates later the page holds about as many elements as before: charts replace their data.
        var updates = await AttributeAsync(complaints, "data-updates");
        await Assertions.Expect(complaints).ToHaveAttributeAsync("data-updates", new Regex("^[0-9]{2,}$"), new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('[data-chart=complaints]').dataset.updates) >= {updates + 20}", null, new() { Timeout = 60_000 });
        var nodesLate = await DomNodesAsync(page);
        Assert.True(nodesLate < nodesEarly + 600, $"DOM elements {nodesEarly} → {nodesLate}");

        await page.WaitForTimeoutAsync(1_000);
        var path = Path.Combine(ChromiumBrowser.ScreenshotDirectory(), "wall.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 20_000);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Wall_Kiosk_HidesTheTopBarAndTheCursor()
    {
        var (normal, _) = await OpenAsync();
        await Assertions.Expect(normal.Locator(".topbar")).ToBeVisibleAsync();

        var (page, errors) = await OpenAsync("?kiosk=1&rotate=20");

        await Assertions.Expect(page.Locator(".wall[data-kiosk='1']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator(".topbar")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".topbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".wall")).ToHaveCSSAsync("cursor", "none");
        await Assertions.Expect(page.Locator("[data-chart=focus]")).ToHaveAttributeAsync("data-points", PositiveNumber(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-chart=focus]")).ToHaveAttributeAsync("data-band-points", PositiveNumber(), new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(1_000);

        var path = Path.Combine(ChromiumBrowser.ScreenshotDirectory(), "wall-kiosk.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.True(new FileInfo(path).Length > 20_000);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Wall_ChineseBrowser_WallInChinese()
    {
        var (page, errors) = await OpenAsync(locale: "zh-CN");

        await Assertions.Expect(page.Locator("[data-chart=focus]")).ToHaveAttributeAsync("data-band-points", PositiveNumber(), new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-chart=complaints]")).ToHaveAttributeAsync("data-updates", new Regex("^([3-9]|[1-9][0-9]+)$"), new() { Timeout = 30_000 });

        // After live pushes (rendered from server threads), still Chinese.
        await Assertions.Expect(page.Locator("[data-kpi=complaints] .kpi-label")).ToHaveTextAsync("近一小时投诉");
        await Assertions.Expect(page.Locator(".heat-family").First).ToHaveTextAsync("投诉");
        await Assertions.Expect(page.Locator(".wall-status")).ToContainTextAsync("数据时间");
        await page.WaitForTimeoutAsync(1_000);

        var path = Path.Combine(ChromiumBrowser.ScreenshotDirectory(), "wall-zh-CN.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Wall_ServerRestarts_ComesBackByItselfWithLivePoints()
    {
        var (page, _) = await OpenAsync();
        var complaints = page.Locator("[data-chart=complaints]");
        await Assertions.Expect(complaints).ToHaveAttributeAsync("data-updates", new Regex("^([2-9]|[1-9][0-9]+)$"), new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => window.beforeRestart = true");

        // Stop the server under the open page, then start a new one on the same address. It keeps the data-protection
        // keys, as a restart on the same DataDir does, so the page's session cookie still signs it in.
        using var data = new TempDirectory();
        var keys = Path.Combine(Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Cockpit.Ingest.Configuration.CockpitOptions>>().Value.ResolveDataDir(), "keys");
        Directory.CreateDirectory(Path.Combine(data.Path, "keys"));
        foreach (var file in Directory.GetFiles(keys))
        {
            File.Copy(file, Path.Combine(data.Path, "keys", Path.GetFileName(file)));
        }

        Factory.Dispose();
        await page.WaitForTimeoutAsync(2_000);
        using var restarted = new CockpitWebFactory().With("Cockpit:DataDir", data.Path);
        restarted.UseKestrel(Address.Port);
        restarted.StartServer();

        // The page reloads itself once the new server refuses the old circuit, and the charts fill again.
        await page.WaitForFunctionAsync("() => window.beforeRestart === undefined", null, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-chart=complaints]")).ToHaveAttributeAsync("data-updates", new Regex("^([2-9]|[1-9][0-9]+)$"), new() { Timeout = 60_000 });
    }

    [GeneratedRegex("^[1-9][0-9]*$")]
    private static partial Regex PositiveNumber();
}
