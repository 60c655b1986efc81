using System.Text.RegularExpressions;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>
/// The ingest sources on /admin as an admin watches them: a write through <c>/write</c> shows up in the open page by
/// itself. Real host on a socket (simulator off, a test ingest token), Debian's Chromium, a screenshot for review.
/// </summary>
public sealed class IngestSourcesBrowserTests() : BrowserTest(
    new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .WithTestIngestToken())
{
    [Fact]
    public async Task Admin_WriteThroughWrite_SourcesPanelFollowsWithoutReload()
    {
        var page = await Chromium.NewSignedInPageAsync(Address, ApiRoles.Admin, new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            Locale = "en-GB",
        });
        var problems = PageProblems.Watch(page);
        var frames = 0;
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                socket.FrameReceived += (_, _) => Interlocked.Increment(ref frames);
            }
        };
        await page.GotoAsync(new Uri(Address, "admin").ToString());
        var http = page.Locator("#sources tr[data-source='http']");
        await Assertions.Expect(http.Locator(".source-accepted")).ToHaveTextAsync("0 lines · 0 points");
        await Assertions.Expect(page.Locator("#sources tr[data-source='simulator'] .source-state")).ToHaveAttributeAsync("data-state", "off");
        await Assertions.Expect(page.Locator("nav.admin-sections a[href='admin#sources']")).ToHaveTextAsync("Ingest sources");
        // Once the circuit has sent its render and a refresh has passed, what changes can only come from the panel's
        // own refresh.
        for (var waited = 0; Volatile.Read(ref frames) == 0 && waited < 15_000; waited += 100)
        {
            await page.WaitForTimeoutAsync(100);
        }

        Assert.True(Volatile.Read(ref frames) > 0, "no circuit");
        await page.WaitForTimeoutAsync(2_500);
        await page.EvaluateAsync("() => window.__sameDocument = true");

        var now = Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await HttpIngest.WriteAsync(Address,
        [
            HttpIngest.Line(MetricNames.Complaints, [(MetricNames.RegionTag, "tianhe"), (MetricNames.ChannelTag, "hotline")], MetricNames.CountField, 4, now.AddMinutes(-1)),
            HttpIngest.Line(MetricNames.Complaints, [(MetricNames.RegionTag, "tianhe"), (MetricNames.ChannelTag, "hotline")], MetricNames.CountField, 5, now),
        ]);
        using (var client = new HttpClient { BaseAddress = Address })
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", HttpIngest.Token);
            using var bad = await client.PostAsync("write", new StringContent("complaints,region=liwan count=<img\\ src=x\\ onerror=alert(1)>\n"));
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        }

        await Assertions.Expect(http.Locator(".source-accepted")).ToHaveTextAsync("2 lines · 2 points", new() { Timeout = 10_000 });
        await Assertions.Expect(http.Locator(".source-rejected")).ToHaveTextAsync(new Regex("^1 lines · "));
        await Assertions.Expect(http.Locator(".source-last time")).ToHaveCountAsync(1);
        await Assertions.Expect(http.Locator(".problem-text")).ToContainTextAsync("test-ingest: 400 partial write: line 1");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the admin page was reloaded");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img').length"));
        await PageProblems.ScreenshotAsync(page, "admin.png");

        // In Chinese, through the language switch's endpoint.
        await page.GotoAsync(new Uri(Address, "culture?c=zh-CN&redirect=/admin").ToString());
        await Assertions.Expect(page.Locator("#sources h2")).ToHaveTextAsync("数据源");
        await Assertions.Expect(page.Locator("#sources thead th")).ToHaveTextAsync(["数据源", "状态", "已接收", "已拒绝", "最近数据", "最近问题"]);
        await Assertions.Expect(page.Locator("#sources tr[data-source='http'] .source-accepted")).ToHaveTextAsync("2 行 · 2 个数据点");
        await PageProblems.ScreenshotAsync(page, "admin-zh.png");
        Assert.Empty(problems);
    }
}
