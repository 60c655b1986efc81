using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cockpit.Bench.Infrastructure;
using Cockpit.Tests.Testing;
using Microsoft.Playwright;

namespace Cockpit.Bench.Web;

/// <summary>
/// `alert-latency`: from an anomalous point sent to /write to its alert's row rendered in a connected browser.
/// Cockpit runs as its own Release process; Debian's Chromium shows the alert list; one anomalous point at a time (a
/// network outage on a new cell: the shipped network-outage rule fires on the first such point) while a background
/// writer keeps ingest busy. Times are the same machine's clock on both sides: the bench takes the time just before the
/// request starts, the page takes it when a MutationObserver sees the row (before paint, after the DOM has it).
/// <c>dotnet run -c Release --project Cockpit.Bench -- alert-latency [--alerts 200] [--warmup 20] [--load 20000] [--gap-ms 300] [--page /alerts] [--login user:password]</c>
/// </summary>
internal static class AlertLatency
{
    private const string IngestToken = "bench-ingest-token-0123456789abcdef";

    // Records, per bench cell, when a row naming it first appears anywhere in the page.
    private const string Observer = """
        () => {
          window.__seen = {};
          const scan = (node) => {
            const text = node.textContent || '';
            for (const m of text.matchAll(/latbench-(\d+)/g)) {
              if (!(m[1] in window.__seen)) window.__seen[m[1]] = performance.timeOrigin + performance.now();
            }
          };
          new MutationObserver(records => {
            for (const r of records) for (const n of r.addedNodes) scan(n);
          }).observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var measured = Option(args, "--alerts", 200);
        var warmup = Option(args, "--warmup", 20);
        var alerts = warmup + measured;
        var load = Option(args, "--load", 20_000);
        var gap = TimeSpan.FromMilliseconds(Option(args, "--gap-ms", 300));
        var page = args.SkipWhile(a => a != "--page").Skip(1).FirstOrDefault() ?? "/alerts?state=firing";
        var login = args.SkipWhile(a => a != "--login").Skip(1).FirstOrDefault();
        await using var cockpit = await CockpitProcess.StartAsync(CockpitProcess.FindRelease(), IngestToken, "--Cockpit:Ingest:MaxFutureSkew=1.00:00:00");
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        var browser = await chromium.Browser.NewPageAsync();
        if (login is not null)
        {
            await ChromiumBrowser.SignInAsync(browser, cockpit.Address, login.Split(':', 2)[0], login.Split(':', 2)[1]);
        }
        await browser.GotoAsync(new Uri(cockpit.Address, page).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await browser.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await browser.EvaluateAsync(Observer);

        using var writer = new HttpClient { BaseAddress = cockpit.Address };
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", IngestToken);
        using var stop = new CancellationTokenSource();
        var background = Task.Run(() => BackgroundLoad(cockpit.Address, load, stop.Token));

        Console.WriteLine($"alert latency: {warmup} warm-up + {measured} measured alerts, one every {gap.TotalMilliseconds:0} ms, background ingest target {load:N0} lines/s, page {page}");
        var sentAt = new double[alerts];
        for (var i = 0; i < alerts; i++)
        {
            var nowNs = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000L;
            var line = $"network,region=latbench,cell=latbench-{i} outages=1 {nowNs}";
            sentAt[i] = Millis();
            using var response = await writer.PostAsync("write?precision=ns", new StringContent(line, Encoding.UTF8));
            if (response.StatusCode != HttpStatusCode.NoContent)
            {
                Console.Error.WriteLine($"write {i}: {(int)response.StatusCode}");
            }

            await Task.Delay(gap);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        var (linesSent, seconds) = await background;
        var seen = await browser.EvaluateAsync<Dictionary<string, double>>("() => window.__seen");
        // The first alerts pay for JIT compilation of the whole path (tiered compilation settles after a few dozen).
        var latencies = new List<double>();
        for (var i = warmup; i < alerts; i++)
        {
            if (seen.TryGetValue(i.ToString(CultureInfo.InvariantCulture), out var at))
            {
                latencies.Add(at - sentAt[i]);
            }
        }

        var slowest = Enumerable.Range(warmup, measured).Where(i => seen.ContainsKey(i.ToString(CultureInfo.InvariantCulture)))
            .Select(i => (i, ms: seen[i.ToString(CultureInfo.InvariantCulture)] - sentAt[i])).OrderByDescending(x => x.ms).Take(5);
        Console.WriteLine("slowest: " + string.Join(", ", slowest.Select(x => $"#{x.i} {x.ms:0} ms")));
        latencies.Sort();
        Console.WriteLine($"background ingest: {linesSent / seconds:N0} lines/s accepted during the run");
        Console.WriteLine($"rows seen: {latencies.Count} of {measured} measured (after {warmup} warm-up alerts)");
        if (latencies.Count > 0)
        {
            Console.WriteLine("| alerts | p50 ms | p90 ms | p99 ms | max ms |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine($"| {latencies.Count} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.90):0.0} | {Percentile(latencies, 0.99):0.0} | {latencies[^1]:0.0} |");
        }

        return latencies.Count == measured ? 0 : 1;
    }

    // Keeps /write busy with business points (1 000 series, 2 fields) in 5 000-line bodies at about the target rate.
    private static async Task<(long Lines, double Seconds)> BackgroundLoad(Uri address, int linesPerSecond, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", IngestToken);
        const int Lines = 5_000;
        var started = Millis();
        long sent = 0;
        var t = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() * 1_000_000L - 3_600_000_000_000L;
        while (!stop.IsCancellationRequested && linesPerSecond > 0)
        {
            var body = new StringBuilder(Lines * 90);
            for (var i = 0; i < Lines; i++)
            {
                t += 1_000;
                body.Append(CultureInfo.InvariantCulture, $"business,region=bg{i % 11},type=t{i % 1000 / 11} attempts=100i,successes=97i {t}\n");
            }

            try
            {
                using var response = await client.PostAsync("write?precision=ns", new StringContent(body.ToString(), Encoding.UTF8), stop);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    sent += Lines;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var due = started + (sent * 1000.0 / linesPerSecond);
            var wait = due - Millis();
            if (wait > 0)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), stop);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        return (sent, (Millis() - started) / 1000);
    }

    // Unix milliseconds with the fraction, like the page's performance.timeOrigin + performance.now().
    private static double Millis() => (TimeProvider.System.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
