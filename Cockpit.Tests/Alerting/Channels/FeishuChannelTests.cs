using System.Text;
using System.Text.Json;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Channels.Feishu;
using Cockpit.Tests.Testing;
using Answer = Cockpit.Tests.Testing.ScriptedHttpServer.Answer;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>The Feishu bot channel against a real HTTP server: the interactive card, signing, error codes, size.</summary>
public sealed class FeishuChannelTests : IDisposable
{
    private const string Ok = "{\"code\":0,\"data\":{},\"msg\":\"success\"}";
    private const string Secret = "SEC123";
    private readonly ChannelHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Send_TwoAlertsSigned_PostsTheCardExactly()
    {
        await using var server = new ScriptedHttpServer(new Answer(200, Ok)) { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(ReceiverKind.Feishu, new Uri(server.Address, "open-apis/bot/v2/hook/5c9e"), r => r.Secret = Secret);

        var outcome = await _host[ReceiverKind.Feishu].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/open-apis/bot/v2/hook/5c9e", request.Path);
        Assert.Equal("", request.Query);
        Assert.Equal("42", request.Headers["X-Cockpit-Notification-Id"]);
        Assert.Equal(
            """
            {"timestamp":"1795525800","sign":"/fOl+KAV/KOg7Z9yFejaNT8tKh3GR5XuXy4050bj+A4=","msg_type":"interactive","card":{"config":{"wide_screen_mode":true},"header":{"title":{"tag":"plain_text","content":"[FIRING:1] complaint-surge 天河"},"template":"red"},"elements":[{"tag":"div","text":{"tag":"lark_md","content":"Team 前端"}},{"tag":"div","text":{"tag":"lark_md","content":"<font color='red'>**CRITICAL**</font> **complaint-surge** firing\nLabels: queue=&#91;x&#93;&#40;javascript:alert&#40;1&#41;&#41; &#60;img src=x onerror=alert&#40;1&#41;&#62; &#42;&#42;bold&#42;&#42; &#96;code&#96; &#60;font color=&#34;info&#34;&#62;ok&#60;/font&#62; &#35; h, region=天河\nSummary: 投诉量 412/min in 天河\nMeasure: value 412, expected 120, score 0.93\nLikely cause: 光缆中断 &#60;b&#62;fibre cut&#60;/b&#62;\nSince 2026-11-24 13:05 UTC\n[View in Cockpit](http://cockpit.example:5000/alerts/17)"}},{"tag":"div","text":{"tag":"lark_md","content":"<font color='green'>**WARNING**</font> **complaint-surge** resolved\nLabels: channel=hotline, region=天河\nSummary: back to normal\nFrom 2026-11-24 12:40 UTC to 2026-11-24 13:01 UTC\n[View in Cockpit](http://cockpit.example:5000/alerts/16)"}},{"tag":"action","actions":[{"tag":"button","text":{"tag":"plain_text","content":"View in Cockpit"},"type":"primary","url":"http://cockpit.example:5000/alerts?group=7f3a"}]}]}}
            """,
            request.Text);
    }

    [Fact]
    public void Sign_KnownVector_MatchesOpenSsl()
    {
        // printf '' | openssl dgst -sha256 -hmac "$(printf '1795525800\nSEC123')" -binary | base64
        Assert.Equal("/fOl+KAV/KOg7Z9yFejaNT8tKh3GR5XuXy4050bj+A4=", FeishuSignature.Sign(Secret, 1795525800));
    }

    [Fact]
    public async Task Send_WithSecret_SignsTheInjectedClocksSecondsWithTheStringAsKey()
    {
        await using var server = new ScriptedHttpServer(new Answer(200, Ok)) { ScriptedPath = null };
        _host.Time.Advance(TimeSpan.FromSeconds(61.9));

        await _host[ReceiverKind.Feishu].SendAsync(ChannelTestData.Receiver(ReceiverKind.Feishu, server.Address, r => r.Secret = Secret), ChannelTestData.TwoAlerts(), CancellationToken.None);

        var root = JsonDocument.Parse(Assert.Single(server.Requests).Body).RootElement;
        var timestamp = root.GetProperty("timestamp").GetString()!;
        Assert.Equal("1795525861", timestamp);
        var expected = Convert.ToBase64String(Rfc2104Hmac.Sha256(Encoding.UTF8.GetBytes(timestamp + "\n" + Secret), []));
        Assert.Equal(expected, root.GetProperty("sign").GetString());
    }

    [Fact]
    public void Render_NoSecret_NoTimestampOrSign()
    {
        var (body, _) = FeishuChannel.Render(ChannelTestData.TwoAlerts(), secret: null, ChannelTestData.Now);

        Assert.StartsWith("{\"msg_type\":\"interactive\",", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"code\":11232,\"msg\":\"frequency limited psm[lark.oapi.app_platform_runtime]appID[1]\"}", true, "Feishu code 11232: frequency limited psm[lark.oapi.app_platform_runtime]appID[1]")]
    [InlineData("{\"code\":9499,\"msg\":\"Too Many Request\"}", true, "Feishu code 9499: Too Many Request")]
    [InlineData("{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}", false, "Feishu code 19021: sign match fail or timestamp is not within one hour from current time")]
    [InlineData("{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}", null, null)]
    [InlineData("{\"StatusCode\":19024,\"StatusMessage\":\"Key Words Not Found\"}", false, "Feishu code 19024: Key Words Not Found")]
    public async Task Send_Code_OkRetryOrFail(string body, bool? retry, string? error)
    {
        await using var server = new ScriptedHttpServer(new Answer(200, body)) { ScriptedPath = null };

        var outcome = await _host[ReceiverKind.Feishu].SendAsync(ChannelTestData.Receiver(ReceiverKind.Feishu, server.Address), ChannelTestData.TwoAlerts(), CancellationToken.None);

        var expected = retry switch { null => DeliveryOutcome.Ok, true => DeliveryOutcome.Retry(error!), false => DeliveryOutcome.Fail(error!) };
        Assert.Equal(expected, outcome);
    }

    [Fact]
    public async Task Send_400WithFrequencyCode_Retry()
    {
        await using var server = new ScriptedHttpServer(new Answer(400, "{\"code\":9499,\"msg\":\"Too Many Request\"}")) { ScriptedPath = null };

        var outcome = await _host[ReceiverKind.Feishu].SendAsync(ChannelTestData.Receiver(ReceiverKind.Feishu, server.Address), ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retry("Feishu code 9499: Too Many Request"), outcome);
    }

    [Fact]
    public void Render_500ChineseAlerts_BodyWithin20000BytesByWholeAlertsAndStillTheButton()
    {
        var (body, included) = FeishuChannel.Render(ChannelTestData.Many(500), Secret, ChannelTestData.Now);

        Assert.InRange(body.Length, 19_000, FeishuChannel.MaxBodyBytes);
        var elements = JsonDocument.Parse(body).RootElement.GetProperty("card").GetProperty("elements").EnumerateArray().ToList();
        Assert.InRange(included, 30, 100);

        // Team line, the alerts, the "more" line, the button.
        Assert.Equal(included + 3, elements.Count);
        Assert.Equal("Team 前端", elements[0].GetProperty("text").GetProperty("content").GetString());
        Assert.Contains($"[View in Cockpit](http://cockpit.example:5000/alerts/{included})", elements[included].GetProperty("text").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            $"…and {500 - included} more: [http://cockpit.example:5000/alerts?group=7f3a](http://cockpit.example:5000/alerts?group=7f3a)",
            elements[included + 1].GetProperty("text").GetProperty("content").GetString());
        Assert.Equal("http://cockpit.example:5000/alerts?group=7f3a", elements[^1].GetProperty("actions")[0].GetProperty("url").GetString());
    }
}
