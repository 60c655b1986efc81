using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>
/// An alert from a point written through <c>/write</c> reaches two open inboxes by push; the on-call user acks it
/// through the page while the viewer watches and has nothing to press (and the API refuses the viewer). Real host on
/// a socket (simulator off, a test ingest token), Debian's Chromium, one browser context per person.
/// </summary>
public sealed class InboxAckBrowserTests() : BrowserTest(
    new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .WithTestIngestToken())
{
    // Records, from the first script of every page, whether an acting button (ack, resolve, silence) ever exists in it.
    private const string ActionWatch = """
        window.__actionButtons = 0;
        new MutationObserver(() => {
          window.__actionButtons = Math.max(window.__actionButtons, document.querySelectorAll(
            'button[data-action=acknowledge], button[data-action=resolve], button[data-action=silence]').length);
        }).observe(document, { childList: true, subtree: true });
        """;

    private async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> OpenInboxAsync(string role)
    {
        var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
            Locale = "en-GB",
        });
        await context.AddInitScriptAsync(ActionWatch);
        var page = await context.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await ChromiumBrowser.SignInAsync(page, Address, CockpitWebFactory.UserName(role), CockpitWebFactory.UserPassword(role));
        await page.GotoAsync(new Uri(Address, "alerts").ToString());
        // The alarm button is enabled once the circuit runs the page: from here on, changes can only arrive by push.
        await Assertions.Expect(page.Locator(".alarm-button")).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator(".alert-table-empty")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__sameDocument = true");
        return (context, page, problems);
    }

    [Fact]
    public async Task Inbox_OutageWrittenThroughWrite_BothSeeItOnCallAcksViewerCannot()
    {
        var (viewerContext, viewer, viewerProblems) = await OpenInboxAsync(ApiRoles.Viewer);
        var (oncallContext, oncall, oncallProblems) = await OpenInboxAsync(ApiRoles.OnCall);

        // The shipped network-outage rule fires on the first point of a cell reporting an outage.
        var now = Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await HttpIngest.WriteAsync(Address,
        [
            HttpIngest.Line(MetricNames.Network, [(MetricNames.RegionTag, "tianhe"), (MetricNames.CellTag, "gz-th-0042")], MetricNames.OutagesField, 0, now.AddMinutes(-2)),
            HttpIngest.Line(MetricNames.Network, [(MetricNames.RegionTag, "tianhe"), (MetricNames.CellTag, "gz-th-0042")], MetricNames.OutagesField, 1, now),
        ]);

        // Both inboxes show the row without a reload.
        var viewerRow = viewer.Locator("tr.alert-table-row");
        var oncallRow = oncall.Locator("tr.alert-table-row");
        await Assertions.Expect(viewerRow).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(oncallRow).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var id = long.Parse((await oncallRow.GetAttributeAsync("data-alert-id"))!, CultureInfo.InvariantCulture);
        Assert.Equal(id.ToString(CultureInfo.InvariantCulture), await viewerRow.GetAttributeAsync("data-alert-id"));
        foreach (var row in new[] { viewerRow, oncallRow })
        {
            await Assertions.Expect(row.Locator(".col-rule")).ToHaveTextAsync("network-outage");
            await Assertions.Expect(row.Locator(".col-region")).ToHaveTextAsync("天河 tianhe");
            await Assertions.Expect(row.Locator(".state-badge")).ToHaveAttributeAsync("data-state", "firing");
            await Assertions.Expect(row.Locator(".col-acked")).ToHaveTextAsync("");
        }

        // The on-call user has the buttons; the viewer has none.
        await Assertions.Expect(oncallRow.Locator("button[data-action=acknowledge]")).ToBeVisibleAsync();
        await Assertions.Expect(oncallRow.Locator("button[data-action=resolve]")).ToBeVisibleAsync();
        await Assertions.Expect(oncallRow.Locator("button[data-action=silence]")).ToBeVisibleAsync();
        await Assertions.Expect(viewerRow.Locator(".action-bar button")).ToHaveCountAsync(0);

        // Ack through the page (it acts at once; no confirmation is asked).
        await oncallRow.Locator("button[data-action=acknowledge]").ClickAsync();
        await Assertions.Expect(oncall.Locator(".inbox-feedback")).ToHaveAttributeAsync("data-ok", "true");
        await Assertions.Expect(oncallRow.Locator(".state-badge")).ToHaveAttributeAsync("data-state", "acknowledged");
        await Assertions.Expect(oncallRow.Locator(".col-acked")).ToHaveTextAsync(CockpitWebFactory.UserName(ApiRoles.OnCall));
        await Assertions.Expect(oncallRow.Locator("button[data-action=acknowledge]")).ToHaveCountAsync(0);

        // The viewer's page follows by push.
        await Assertions.Expect(viewerRow.Locator(".state-badge")).ToHaveAttributeAsync("data-state", "acknowledged", new() { Timeout = 15_000 });
        await Assertions.Expect(viewerRow.Locator(".col-acked")).ToHaveTextAsync(CockpitWebFactory.UserName(ApiRoles.OnCall));
        await Assertions.Expect(viewerRow.Locator(".action-bar button")).ToHaveCountAsync(0);
        Assert.True(await viewer.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the viewer's inbox was reloaded");
        Assert.True(await oncall.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the on-call inbox was reloaded");
        Assert.Equal(0, await viewer.EvaluateAsync<int>("() => window.__actionButtons"));
        Assert.True(await oncall.EvaluateAsync<int>("() => window.__actionButtons") >= 3);
        await PageProblems.ScreenshotAsync(oncall, "inbox-acked-oncall.png");
        await PageProblems.ScreenshotAsync(viewer, "inbox-viewer.png");

        // The viewer's detail page: who acked, and nothing to press.
        await viewer.Locator($"tr[data-alert-id='{id}'] .col-rule a").ClickAsync();
        await viewer.WaitForURLAsync(new Regex($"/alerts/{id}$"));
        await Assertions.Expect(viewer.Locator("dd[data-field='acknowledged'] .fact-who")).ToHaveTextAsync(CockpitWebFactory.UserName(ApiRoles.OnCall));
        await Assertions.Expect(viewer.Locator(".alert-chart .apexcharts-canvas")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(viewer.Locator(".action-bar button")).ToHaveCountAsync(0);
        Assert.Equal(0, await viewer.EvaluateAsync<int>("() => window.__actionButtons"));

        // The server refuses the viewer whatever the page shows; the ack stays the on-call user's.
        using var api = new HttpClient { BaseAddress = Address };
        api.DefaultRequestHeaders.Authorization = CockpitWebFactory.ApiBearer(ApiRoles.Viewer);
        using (var refused = await api.PostAsync($"api/alerts/{id}/ack", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var resolveRefused = await api.PostAsync($"api/alerts/{id}/resolve", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, resolveRefused.StatusCode);
        }

        var alert = Factory.Services.GetRequiredService<IAlertBook>().Find(id)!;
        Assert.Equal(CockpitWebFactory.UserName(ApiRoles.OnCall), alert.AcknowledgedBy);

        Assert.Empty(viewerProblems);
        Assert.Empty(oncallProblems);
        await viewerContext.CloseAsync();
        await oncallContext.CloseAsync();
    }
}
