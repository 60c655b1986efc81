using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Alerting.Delivery;

/// <summary>
/// "Delivered exactly once", the hard way: a real Cockpit process, wired to a webhook receiver by environment
/// variables alone, queues a message for an outage alert while the receiver answers 503, and is killed with SIGKILL
/// before it could deliver. The next process on the same data folder delivers it once, and the one after sends nothing.
/// </summary>
public sealed class DeliveryKillTests : IAsyncDisposable
{
    private const string IngestSecret = "delivery-kill-ingest-secret-0123";
    private readonly TempDirectory _dir = new();
    private readonly ScriptedHttpServer _receiver = new() { ScriptedPath = null, Default = new ScriptedHttpServer.Answer(503) };

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Kill9_BetweenEnqueueAndDelivery_DeliveredExactlyOnceAfterRestart()
    {
        // First life: the alert fires, its message is queued and tried (503), then the process is killed.
        var port = FreeTcpPort.Next();
        using (var first = StartCockpit(port))
        {
            using var client = Client(port);
            await WaitUntilUp(client);
            var line = $"network,region=tianhe,cell=tianhe-01 outages=1 {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000}";
            using (var write = await client.PostAsync("write?precision=ns", new StringContent(line, Encoding.UTF8)))
            {
                Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);
            }

            await Eventually.Get(() => Task.FromResult(_receiver.Requests.Count > 0 ? "tried" : null), TimeSpan.FromSeconds(60), "a first (refused) delivery attempt");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var refused = _receiver.Requests.Count;
        var notificationId = Assert.Single(_receiver.Requests.Select(r => r.Headers["X-Cockpit-Notification-Id"]).Distinct());
        _receiver.Default = new ScriptedHttpServer.Answer(200);

        // Second life: the queued message goes out once.
        port = FreeTcpPort.Next();
        using (var second = StartCockpit(port))
        {
            using var client = Client(port);
            await WaitUntilUp(client);
            await Eventually.Get(async () => await Notifications(client) is { Delivered: 1, Pending: 0 } ? "delivered" : null,
                TimeSpan.FromSeconds(60), "the queued message to be delivered after the restart");
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        var delivered = _receiver.Requests.Skip(refused).ToList();
        var request = Assert.Single(delivered);
        Assert.Equal(notificationId, request.Headers["X-Cockpit-Notification-Id"]);
        using (var body = JsonDocument.Parse(request.Body))
        {
            Assert.Equal("4", body.RootElement.GetProperty("version").GetString());
            Assert.Equal("ops", body.RootElement.GetProperty("receiver").GetString());
            var alert = Assert.Single(body.RootElement.GetProperty("alerts").EnumerateArray());
            Assert.Equal("network-outage", alert.GetProperty("labels").GetProperty("alertname").GetString());
            Assert.StartsWith("http://cockpit.test/alerts/", alert.GetProperty("generatorURL").GetString(), StringComparison.Ordinal);
        }

        // Third life: nothing is sent again.
        port = FreeTcpPort.Next();
        using (var third = StartCockpit(port))
        {
            using var client = Client(port);
            await WaitUntilUp(client);
            // A negative can only be watched for a while: twenty of the worker's polls.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var status = await Eventually.Get(() => Notifications(client), TimeSpan.FromSeconds(30), "the notification status");
            Assert.Equal((0, 0, 0), (status.Pending, status.Queued, status.Delivered));
            third.Kill(entireProcessTree: true);
            await third.WaitForExitAsync();
        }

        Assert.Equal(refused + 1, _receiver.Requests.Count);
    }

    private static HttpClient Client(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Token", IngestSecret);
        return client;
    }

    private static async Task WaitUntilUp(HttpClient client) =>
        await Eventually.Get(async () => await Notifications(client) is null ? null : "up", TimeSpan.FromSeconds(60), "Cockpit to answer /healthz");

    // /healthz's alerting.notifications, or null while the process is not answering yet.
    private static async Task<Counts?> Notifications(HttpClient client)
    {
        try
        {
            var health = await client.GetFromJsonAsync<JsonElement>("healthz");
            var n = health.GetProperty("alerting").GetProperty("notifications");
            return new Counts(n.GetProperty("queued").GetInt64(), n.GetProperty("pending").GetInt64(), n.GetProperty("delivered").GetInt64());
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    // The receiver and its timers from environment variables only.
    private Process StartCockpit(int port) => CockpitWebProcess.Start(port, _dir.Path, "kill-test", IngestSecret, new Dictionary<string, string>
    {
        ["Cockpit__Alerting__ExternalUrl"] = "http://cockpit.test",
        ["Cockpit__Alerting__Receivers__0__Name"] = "ops",
        ["Cockpit__Alerting__Receivers__0__Kind"] = "webhook",
        ["Cockpit__Alerting__Receivers__0__Url"] = new Uri(_receiver.Address, "hook").AbsoluteUri,
        ["Cockpit__Alerting__Grouping__GroupWait"] = "00:00:00.100",
        ["Cockpit__Alerting__Delivery__MinBackoff"] = "00:00:02",
        ["Cockpit__Alerting__Delivery__MaxBackoff"] = "00:00:05",
        ["Cockpit__Alerting__Delivery__PollInterval"] = "00:00:00.100",
    });

    private sealed record Counts(long Queued, long Pending, long Delivered);
}
