using System.Text.RegularExpressions;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cockpit.Tests.Web.Browser;

/// <summary>
/// The alert pages as someone following a notification link sees them: real host on a socket (simulator off, so the
/// alerts are the ones pushed here), Debian's Chromium, screenshots saved for review.
/// </summary>
public sealed class AlertPagesBrowserTests : IAsyncLifetime
{
    private const string Evil = "<img src=x onerror=alert(1)>";
    private static readonly DateTimeOffset Time = new(2026, 11, 24, 6, 40, 0, TimeSpan.Zero);

    private readonly CockpitWebFactory _factory = new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .With("Cockpit:Alerting:InhibitRules:0:SourceMatchers:0", "rule=network-outage")
        .With("Cockpit:Alerting:InhibitRules:0:TargetMatchers:0", "rule=complaint-surge")
        .With("Cockpit:Alerting:InhibitRules:0:Equal:0", "region");

    private ChromiumBrowser? _chromium;
    private Uri _address = default!;

    public async Task InitializeAsync()
    {
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

    private IAlertBook Book => _factory.Services.GetRequiredService<IAlertBook>();

    private long Push(string rule, string region, AlertSeverity severity, string summary, double value, double expected, int minute)
    {
        _factory.Services.GetRequiredService<IAlertSignalSink>().Accept(new AlertSignal(
            rule, rule.StartsWith("network", StringComparison.Ordinal) ? "network" : "complaints",
            new Dictionary<string, string> { ["region"] = region }, Firing: true, severity, summary, value, expected, 0.93, Time.AddMinutes(minute)));
        return Book.Snapshot().Single(a => a.Rule == rule && a.Tags["region"] == region).Id;
    }

    [Fact]
    public async Task AlertPages_ListGroupLinkAndDetail_RenderAndFollowTheBook()
    {
        var surge = Push("complaint-surge", "tianhe", AlertSeverity.Warning, "Complaints in Tianhe at 184/min, 4.6× the usual 40", 184, 40, 0);
        var outage = Push("network-outage", "tianhe", AlertSeverity.Critical, "Network availability in Tianhe at 71%, expected 99.9%", 71, 99.9, 3);
        var liwan = Push("complaint-surge", "liwan", AlertSeverity.Warning, "Complaints in Liwan at 96/min, 2.4× the usual 40", 96, 40, 5);
        var odd = Push("success-rate-low", Evil, AlertSeverity.Info, "Business success rate in " + Evil + " at 91%", 91, 97, 7);
        Book.Acknowledge(liwan, "li.wei");
        Book.AddNote(surge, "wang.fang", "Likely the outage: towers in Tianhe down since 14:38. " + Evil);
        Book.Acknowledge(surge, "wang.fang");

        var page = await _chromium!.NewSignedInPageAsync(_address, "viewer", new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Dialog += (_, dialog) => errors.Add("dialog: " + dialog.Message);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        // The list: open alerts newest first, with marks; markup from sources stays text.
        await page.GotoAsync(new Uri(_address, "alerts").ToString());
        var rows = page.Locator("tr.alert-table-row");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        Assert.Equal([odd, liwan, outage, surge], await Ids(rows));
        await Assertions.Expect(page.Locator($"tr[data-alert-id='{surge}'] .mark-inhibited")).ToHaveTextAsync("inhibited");
        await Assertions.Expect(page.Locator($"tr[data-alert-id='{liwan}'] .col-acked")).ToHaveTextAsync("li.wei");
        await Assertions.Expect(page.Locator($"tr[data-alert-id='{odd}'] .tag-value")).ToHaveTextAsync(Evil);
        await Assertions.Expect(page.Locator($"tr[data-alert-id='{outage}'] .col-started")).ToHaveTextAsync("2026-11-24 06:43");

        // Live over the circuit: a new alert shows up without a reload.
        var haizhu = Push("network-latency", "haizhu", AlertSeverity.Warning, "Latency in Haizhu at 180 ms, expected 35 ms", 180, 35, 9);
        await Assertions.Expect(rows).ToHaveCountAsync(5, new() { Timeout = 10_000 });
        Assert.Equal(haizhu, (await Ids(rows))[0]);
        await Assertions.Expect(page.Locator("img")).ToHaveCountAsync(0);
        await Screenshot(page, "alerts.png");

        // The group link form a notification carries.
        await page.GotoAsync(new Uri(_address, "alerts?filter=" + Uri.EscapeDataString("{region=\"tianhe\",rule=\"complaint-surge\"}")).ToString());
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        Assert.Equal([surge], await Ids(rows));
        await Assertions.Expect(page.Locator(".filter-text")).ToHaveTextAsync("{region=\"tianhe\",rule=\"complaint-surge\"}");

        // Each row links to its alert.
        await page.Locator($"tr[data-alert-id='{surge}'] .col-rule a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/alerts/{surge}$"));
        await Assertions.Expect(page.Locator("dd[data-field='acknowledged'] .fact-who")).ToHaveTextAsync("wang.fang");
        await Assertions.Expect(page.Locator("dd[data-field='value']")).ToHaveTextAsync("184 (expected 40)");
        await Assertions.Expect(page.Locator("dd[data-field='inhibited'] a")).ToHaveAttributeAsync("href", $"alerts/{outage}");
        await Assertions.Expect(page.Locator(".note-text")).ToHaveTextAsync("Likely the outage: towers in Tianhe down since 14:38. " + Evil);
        Assert.Equal(["fired", "inhibited", "note", "acknowledged"], await page.Locator(".history-action").AllTextContentsAsync());

        // Live: resolving it elsewhere shows on the open page.
        Book.Resolve(surge, "chen.jing");
        await Assertions.Expect(page.Locator("dd[data-field='resolved']")).ToHaveTextAsync("chen.jing", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("img")).ToHaveCountAsync(0);
        await Screenshot(page, "alert-detail.png");

        // "Likely caused by" leads to the cause.
        await page.Locator("dd[data-field='inhibited'] a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/alerts/{outage}$"));
        await Assertions.Expect(page.Locator(".detail-head h1")).ToHaveTextAsync($"network-outage #{outage}");

        Assert.Empty(errors);
    }

    private static async Task<long[]> Ids(ILocator rows) =>
        [.. (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.alertId)")).Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))];

    private static async Task Screenshot(IPage page, string name)
    {
        await page.WaitForTimeoutAsync(500);
        var path = Path.Combine(ChromiumBrowser.ScreenshotDirectory(), name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 10_000);
    }
}
