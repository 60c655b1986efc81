using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Channels.Webhook;
using Cockpit.Tests.Testing;
using Answer = Cockpit.Tests.Testing.ScriptedHttpServer.Answer;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>The webhook channel against a real HTTP server: Alertmanager's version 4 JSON, byte for byte.</summary>
public sealed class WebhookChannelTests : IDisposable
{
    private readonly ChannelHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Send_TwoAlerts_PostsAlertmanagerV4JsonExactly()
    {
        await using var server = new ScriptedHttpServer { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(ReceiverKind.Webhook, new Uri(server.Address, "hooks/cockpit?team=front"));

        var outcome = await _host[ReceiverKind.Webhook].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/hooks/cockpit", request.Path);
        Assert.Equal("?team=front", request.Query);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("42", request.Headers["X-Cockpit-Notification-Id"]);
        Assert.Equal(
            """
            {"receiver":"ops","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"complaint-surge","measurement":"complaints","queue":"[x](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** `code` <font color=\"info\">ok</font>\n# h","region":"天河","rule":"complaint-surge","severity":"critical"},"annotations":{"expected":"120","likely_cause":"光缆中断 <b>fibre cut</b>","score":"0.93","summary":"投诉量 412/min in 天河","value":"412"},"startsAt":"2026-11-24T13:05:07.25Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://cockpit.example:5000/alerts/17","fingerprint":"a1b2c3d4e5f60718"},{"status":"resolved","labels":{"alertname":"complaint-surge","channel":"hotline","measurement":"complaints","region":"天河","rule":"complaint-surge","severity":"warning"},"annotations":{"summary":"back to normal"},"startsAt":"2026-11-24T12:40:00Z","endsAt":"2026-11-24T13:01:30Z","generatorURL":"http://cockpit.example:5000/alerts/16","fingerprint":"0f1e2d3c4b5a6978"}],"groupLabels":{"region":"天河","rule":"complaint-surge"},"commonLabels":{"alertname":"complaint-surge","measurement":"complaints","region":"天河","rule":"complaint-surge"},"commonAnnotations":{},"externalURL":"http://cockpit.example:5000","version":"4","groupKey":"front-line/ops/{region=\"天河\",rule=\"complaint-surge\"}","truncatedAlerts":0}
            """u8.ToArray(),
            request.Body);
    }

    [Theory]
    [InlineData("2026-11-24T13:05:07+08:00", "2026-11-24T05:05:07Z")]
    [InlineData("2026-11-24T13:05:07.1234567Z", "2026-11-24T13:05:07.1234567Z")]
    [InlineData("2026-11-24T13:05:07.5000000Z", "2026-11-24T13:05:07.5Z")]
    [InlineData("0001-01-01T00:00:00Z", WebhookPayload.ZeroTime)]
    public void Time_AnyOffset_Rfc3339InUtcTrimmedLikeGo(string time, string expected) =>
        Assert.Equal(expected, WebhookPayload.Time(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task Send_NoAbsoluteHttpUrl_FailsWithoutSending()
    {
        var receiver = new ReceiverOptions { Name = "broken", Kind = ReceiverKind.Webhook, Url = "ftp://example/x" };

        var outcome = await _host[ReceiverKind.Webhook].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Fail("Receiver 'broken' has no absolute http(s) Url."), outcome);
    }

    [Fact]
    public async Task Send_404_FailsWithStatusAndBody()
    {
        await using var server = new ScriptedHttpServer(new Answer(404, "{\"error\":\"no such hook\"}")) { ScriptedPath = null };

        var outcome = await _host[ReceiverKind.Webhook].SendAsync(ChannelTestData.Receiver(ReceiverKind.Webhook, server.Address), ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Fail("HTTP 404: {\"error\":\"no such hook\"}"), outcome);
    }
}
