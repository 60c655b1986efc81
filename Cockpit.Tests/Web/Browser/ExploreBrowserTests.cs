using System.Text.RegularExpressions;
using Cockpit.Tests.Testing;
using Cockpit.Tests.Web.Explore;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>
/// Explore as an analyst opening a shared link: real host on a socket holding history written through /write,
/// Debian's Chromium, the chart, the contribution table, the CSV download and a screenshot for review.
/// </summary>
/// <remarks>Each page signs in through the login form first (an analyst; an admin for the Chinese screenshot).</remarks>
public sealed class ExploreBrowserTests() : BrowserTest(ExploreHost.Create())
{
    private DateTimeOffset _from;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _from = ExploreHost.PeriodStart(Factory.Services.GetRequiredService<TimeProvider>());
        // No cookie container: the analyst's session cookie goes in the Cookie header as given.
        using (var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Address })
        {
            await ExploreHost.WriteAsync(client, _from, await Factory.SessionCookieAsync("analyst"));
        }
    }

    [Fact]
    public async Task Explore_SharedLink_ChartTableCsvAndLiveControls()
    {
        await using var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();
        await ChromiumBrowser.SignInAsync(page, Address, CockpitWebFactory.UserName(ApiRoles.Analyst), CockpitWebFactory.UserPassword(ApiRoles.Analyst));
        var errors = PageProblems.Watch(page);

        // The shared link names only part of the state; once the circuit is up the address says all of it.
        await page.GotoAsync(new Uri(Address, "explore?" + ExploreHost.Query(_from, "&dim=region&dim=category&dim=channel")).ToString());
        await page.WaitForURLAsync(new Regex("agg=sum&.*bucket=1m&by=region&cmp=week&dim=region&dim=category&dim=channel$"));
        await Assertions.Expect(page.Locator(".contribution-headline")).ToHaveTextAsync("tianhe · broadband · hotline: 91 % of the surge");
        await Assertions.Expect(page.Locator(".contribution-row .contribution-label")).ToHaveTextAsync(
            ["tianhe · broadband · hotline", "liwan · broadband · hotline", "tianhe · mobile · app", "haizhu · billing · " + ExploreStoreScenario.Evil]);
        var chart = page.Locator(".chart[data-chart='explore']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-points", "720");
        await Assertions.Expect(chart.Locator(".apexcharts-legend-text")).ToHaveCountAsync(6);
        await Assertions.Expect(chart.Locator(".apexcharts-legend-text").Nth(3)).ToHaveTextAsync("haizhu (week before)");
        await Assertions.Expect(page.Locator("img")).ToHaveCountAsync(0);
        await PageProblems.ScreenshotAsync(page, "explore.png");

        // CSV of what is shown, fetched from the page's link (Debian's Chromium cancels Playwright downloads).
        var link = page.Locator("[data-testid=explore-csv]");
        await Assertions.Expect(link).ToHaveAttributeAsync("download", "");
        var csv = (await page.EvaluateAsync<string>(
            "async a => { const r = await fetch(a.href); return r.headers.get('content-type') + '\\n' + await r.text(); }",
            await link.ElementHandleAsync())).Split('\n');
        Assert.Equal("text/csv; charset=utf-8", csv[0]);
        Assert.Equal("time,series,value,comparison_value\r", csv[1]);
        Assert.Equal(2 + (3 * 120) + 1, csv.Length); // type, header, rows, the empty rest after the last CRLF
        Assert.Contains(_from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) + ",tianhe,36,15\r", csv);

        // Controls rewrite the address without reloading the page, and the view follows.
        await page.EvaluateAsync("() => window.exploreMarker = 42");
        await page.Locator("[data-testid=compare]").SelectOptionAsync("day");
        await page.WaitForURLAsync(new Regex("cmp=day"));
        await Assertions.Expect(chart.Locator(".apexcharts-legend-text").Nth(3)).ToHaveTextAsync("haizhu (day before)");
        await page.Locator(".tag-picker[data-tag='region'] summary").ClickAsync();
        await page.Locator(".tag-picker[data-tag='region'] input[value='liwan']").CheckAsync();
        await page.WaitForURLAsync(new Regex("region=liwan"));
        await Assertions.Expect(page.Locator(".contribution-headline")).ToHaveTextAsync("liwan · broadband · hotline: 100 % of the surge");
        Assert.Equal(42, await page.EvaluateAsync<int>("() => window.exploreMarker"));

        // Reopening the rewritten address restores the same view.
        var shared = page.Url;
        var second = await context.NewPageAsync();
        await second.GotoAsync(shared);
        await Assertions.Expect(second.Locator(".contribution-headline")).ToHaveTextAsync("liwan · broadband · hotline: 100 % of the surge");
        await Assertions.Expect(second.Locator("[data-testid=compare]")).ToHaveValueAsync("day");

        // A bad address says what is wrong in plain words.
        await second.GotoAsync(new Uri(Address, "explore?range=7d&bucket=1m").ToString());
        await Assertions.Expect(second.Locator(".explore-problems li")).ToHaveTextAsync(
            "A bucket of 1m gives 10080 points per line over this range; at most 2000 are drawn. Use 15m, 1h, 1d.");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Explore_ChineseBrowser_ChineseView()
    {
        await using var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await ChromiumBrowser.SignInAsync(page, Address, CockpitWebFactory.UserName(ApiRoles.Admin), CockpitWebFactory.UserPassword(ApiRoles.Admin));

        await page.GotoAsync(new Uri(Address, "explore?" + ExploreHost.Query(_from, "&dim=region&dim=category&dim=channel")).ToString());
        await page.WaitForURLAsync(new Regex("agg=sum"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("数据探索");
        await Assertions.Expect(page.Locator(".contribution-headline")).ToHaveTextAsync("tianhe · broadband · hotline：占增幅的 91%");
        await Assertions.Expect(page.Locator(".chart[data-chart='explore'] .apexcharts-legend-text").Nth(5)).ToHaveTextAsync("tianhe（上一周）");
        await PageProblems.ScreenshotAsync(page, "explore-zh.png");
    }
}
