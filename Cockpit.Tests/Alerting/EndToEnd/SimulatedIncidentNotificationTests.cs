using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;

namespace Cockpit.Tests.Alerting.EndToEnd;

/// <summary>
/// The whole chain in the real host: the simulator's complaint surge → detection → the alert book → grouping → the
/// outbox → a real webhook receiver wired by configuration keys alone; then on-call acknowledges it over the API.
/// </summary>
public sealed class SimulatedIncidentNotificationTests : IAsyncDisposable
{
    private readonly ScriptedHttpServer _receiver = new() { ScriptedPath = null, Default = new ScriptedHttpServer.Answer(200) };
    private readonly CockpitWebFactory _factory = new();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task SimulatedSurge_ReachesTheWebhookAsAlertmanagerJson_AndOnCallAcknowledgesIt()
    {
        _factory
            .With("Cockpit:Alerting:ExternalUrl", "http://cockpit.example")
            .With("Cockpit:Alerting:Receivers:0:Name", "ops")
            .With("Cockpit:Alerting:Receivers:0:Kind", "webhook")
            .With("Cockpit:Alerting:Receivers:0:Url", new Uri(_receiver.Address, "hook").AbsoluteUri)
            .With("Cockpit:Alerting:Grouping:GroupWait", "00:00:00.200");
        using var oncall = _factory.CreateApiClient(ApiRoles.OnCall);

        var raw = await Eventually.Get(
            () => Task.FromResult(_receiver.Requests.Select(r => Encoding.UTF8.GetString(r.Body)).FirstOrDefault(IsSurgeMessage)),
            TimeSpan.FromSeconds(90),
            "the simulated complaint surge to reach the webhook");
        using var document = JsonDocument.Parse(raw);
        var body = document.RootElement;

        Assert.Equal("4", body.GetProperty("version").GetString());
        Assert.Equal("ops", body.GetProperty("receiver").GetString());
        Assert.Equal("firing", body.GetProperty("status").GetString());
        Assert.Equal("http://cockpit.example", body.GetProperty("externalURL").GetString());
        var region = body.GetProperty("groupLabels").GetProperty("region").GetString();
        var alert = body.GetProperty("alerts").EnumerateArray().First();
        Assert.Equal(("complaint-surge", region), (alert.GetProperty("labels").GetProperty("alertname").GetString(), alert.GetProperty("labels").GetProperty("region").GetString()));
        Assert.Equal("0001-01-01T00:00:00Z", alert.GetProperty("endsAt").GetString());
        Assert.Matches("^[0-9a-f]{16}$", alert.GetProperty("fingerprint").GetString());
        var link = alert.GetProperty("generatorURL").GetString()!;
        Assert.StartsWith("http://cockpit.example/alerts/", link, StringComparison.Ordinal);
        var id = long.Parse(link["http://cockpit.example/alerts/".Length..], System.Globalization.CultureInfo.InvariantCulture);

        using var ack = await oncall.PostAsync($"/api/alerts/{id}/ack", null);
        ack.EnsureSuccessStatusCode();
        var detail = await oncall.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}");
        Assert.Equal("acknowledged", detail.GetProperty("state").GetString());
        Assert.Equal(CockpitWebFactory.ApiTokenName(ApiRoles.OnCall), detail.GetProperty("acknowledgedBy").GetString());
        var actions = detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        Assert.Equal("fired", actions[0]);
        Assert.Contains("notified", actions);
        Assert.Equal("acknowledged", actions[^1]);
    }

    private static bool IsSurgeMessage(string json)
    {
        using var message = JsonDocument.Parse(json);
        return message.RootElement.GetProperty("groupLabels").TryGetProperty("rule", out var rule) && rule.GetString() == "complaint-surge";
    }
}
