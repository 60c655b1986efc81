using System.Text;
using System.Text.Json;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Channels.DingTalk;
using Cockpit.Tests.Testing;
using Answer = Cockpit.Tests.Testing.ScriptedHttpServer.Answer;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>The DingTalk robot channel against a real HTTP server: markdown and actionCard payloads, signing, error codes, size.</summary>
public sealed class DingTalkChannelTests : IDisposable
{
    private const string Ok = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private const string Secret = "SEC123";
    private const string Markdown = """
        ### \\[FIRING:1\\] complaint-surge 天河\n\nTeam 前端\n\n**CRITICAL** **complaint-surge** firing\n\nLabels: queue=\\[x\\]\\(javascript:alert\\(1\\)\\) &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*bold\\*\\* \\`code\\` &lt;font color=\"info\"&gt;ok&lt;/font&gt; \\# h, region=天河\n\nSummary: 投诉量 412/min in 天河\n\nMeasure: value 412, expected 120, score 0.93\n\nLikely cause: 光缆中断 &lt;b&gt;fibre cut&lt;/b&gt;\n\nSince 2026-11-24 13:05 UTC\n\n[View in Cockpit](http://cockpit.example:5000/alerts/17)\n\n**WARNING** **complaint-surge** resolved\n\nLabels: channel=hotline, region=天河\n\nSummary: back to normal\n\nFrom 2026-11-24 12:40 UTC to 2026-11-24 13:01 UTC\n\n[View in Cockpit](http://cockpit.example:5000/alerts/16)\n\n[View all in Cockpit](http://cockpit.example:5000/alerts?group=7f3a)
        """;

    private readonly ChannelHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Send_Markdown_PostsEscapedMarkdownExactly()
    {
        await using var server = new ScriptedHttpServer(new Answer(200, Ok)) { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(ReceiverKind.DingTalk, new Uri(server.Address, "robot/send?access_token=ab12"));

        var outcome = await _host[ReceiverKind.DingTalk].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/robot/send", request.Path);
        Assert.Equal("?access_token=ab12", request.Query);
        Assert.Equal("42", request.Headers["X-Cockpit-Notification-Id"]);
        Assert.Equal("{\"msgtype\":\"markdown\",\"markdown\":{\"title\":\"[FIRING:1] complaint-surge 天河\",\"text\":\"" + Markdown + "\"}}", request.Text);
    }

    [Fact]
    public async Task Send_ActionCard_ButtonOpensTheGroupInCockpit()
    {
        await using var server = new ScriptedHttpServer(new Answer(200, Ok)) { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(ReceiverKind.DingTalk, server.Address, r => r.MessageType = "actionCard");

        var outcome = await _host[ReceiverKind.DingTalk].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        Assert.Equal(
            "{\"msgtype\":\"actionCard\",\"actionCard\":{\"title\":\"[FIRING:1] complaint-surge 天河\",\"text\":\"" + Markdown
                + "\",\"btnOrientation\":\"0\",\"singleTitle\":\"View in Cockpit\",\"singleURL\":\"http://cockpit.example:5000/alerts?group=7f3a\"}}",
            Assert.Single(server.Requests).Text);
    }

    [Fact]
    public void Render_ActionCardWithOneAlert_ButtonOpensTheAlert()
    {
        var one = ChannelTestData.TwoAlerts() with { Alerts = [ChannelTestData.TwoAlerts().Alerts[1]], Status = "resolved" };

        var (body, included) = DingTalkChannel.Render(one, actionCard: true);

        var card = JsonDocument.Parse(body).RootElement.GetProperty("actionCard");
        Assert.Equal(1, included);
        Assert.Equal("http://cockpit.example:5000/alerts/16", card.GetProperty("singleURL").GetString());
        Assert.Equal("[RESOLVED] complaint-surge 天河", card.GetProperty("title").GetString());
    }

    [Fact]
    public void Sign_KnownVector_MatchesOpenSsl()
    {
        // printf '1795525800000\nSEC123' | openssl dgst -sha256 -hmac SEC123 -binary | base64
        Assert.Equal("Pz/67MFhsTlX+nYe5D3PUGzKgXxafTmByvuAEmJ76Q4=", DingTalkSignature.Sign(Secret, 1795525800000));
    }

    [Fact]
    public async Task Send_WithSecret_AppendsTimestampAndUrlEncodedSignatureFromTheInjectedClock()
    {
        await using var server = new ScriptedHttpServer(new Answer(200, Ok)) { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(ReceiverKind.DingTalk, new Uri(server.Address, "robot/send?access_token=ab12"), r => r.Secret = Secret);
        _host.Time.Advance(TimeSpan.FromMilliseconds(1234));

        var outcome = await _host[ReceiverKind.DingTalk].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        var query = Assert.Single(server.Requests).Query;
        var timestamp = _host.Time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(1795525801234, timestamp);
        var expected = Convert.ToBase64String(Rfc2104Hmac.Sha256(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "\n" + Secret)));
        Assert.Equal($"?access_token=ab12&timestamp={timestamp}&sign={Uri.EscapeDataString(expected)}", query);
    }

    [Fact]
    public async Task Send_WithSecretAndNoQuery_StartsTheQuery()
    {
        await using var server = new ScriptedHttpServer(new Answer(200, Ok)) { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(ReceiverKind.DingTalk, new Uri(server.Address, "robot/send"), r => r.Secret = Secret);

        await _host[ReceiverKind.DingTalk].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal("?timestamp=1795525800000&sign=Pz%2F67MFhsTlX%2BnYe5D3PUGzKgXxafTmByvuAEmJ76Q4%3D", Assert.Single(server.Requests).Query);
    }

    [Theory]
    [InlineData("{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}", true, "DingTalk code 130101: send too fast, exceed 20 times per minute")]
    [InlineData("{\"errcode\":310000,\"errmsg\":\"sign not match\"}", false, "DingTalk code 310000: sign not match")]
    [InlineData("{\"errcode\":300001,\"errmsg\":\"token is not exist\"}", false, "DingTalk code 300001: token is not exist")]
    public async Task Send_ErrorCode_RetryOnlyWhenSentTooFast(string body, bool retry, string error)
    {
        await using var server = new ScriptedHttpServer(new Answer(200, body)) { ScriptedPath = null };

        var outcome = await _host[ReceiverKind.DingTalk].SendAsync(ChannelTestData.Receiver(ReceiverKind.DingTalk, server.Address), ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(retry ? DeliveryOutcome.Retry(error) : DeliveryOutcome.Fail(error), outcome);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_500ChineseAlerts_BodyWithin20000BytesByWholeAlerts(bool actionCard)
    {
        var (body, included) = DingTalkChannel.Render(ChannelTestData.Many(500), actionCard);

        Assert.InRange(body.Length, 19_000, DingTalkChannel.MaxBodyBytes);
        var root = JsonDocument.Parse(body).RootElement.GetProperty(actionCard ? "actionCard" : "markdown");
        var text = root.GetProperty("text").GetString()!;
        Assert.InRange(included, 30, 100);
        Assert.Equal(included, text.Split("[View in Cockpit](").Length - 1);
        Assert.EndsWith($"…and {500 - included} more: [http://cockpit.example:5000/alerts?group=7f3a](http://cockpit.example:5000/alerts?group=7f3a)", text, StringComparison.Ordinal);
        Assert.Contains($"\n\n[View in Cockpit](http://cockpit.example:5000/alerts/{included})\n\n…and", text, StringComparison.Ordinal);
    }
}
