using System.Text;
using System.Text.Json;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Channels.Text;
using Cockpit.Alerting.Channels.WeCom;
using Cockpit.Tests.Testing;
using Answer = Cockpit.Tests.Testing.ScriptedHttpServer.Answer;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>The WeCom robot channel against a real HTTP server: its markdown payload, its error codes and its 4096-byte limit.</summary>
public sealed class WeComChannelTests : IDisposable
{
    private readonly ChannelHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Send_TwoAlerts_PostsEscapedMarkdownExactly()
    {
        await using var server = new ScriptedHttpServer(new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}")) { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(ReceiverKind.WeCom, new Uri(server.Address, "cgi-bin/webhook/send?key=693a91f6"));

        var outcome = await _host[ReceiverKind.WeCom].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/cgi-bin/webhook/send", request.Path);
        Assert.Equal("?key=693a91f6", request.Query);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("42", request.Headers["X-Cockpit-Notification-Id"]);
        Assert.Equal(
            """
            {"msgtype":"markdown","markdown":{"content":"## \\[FIRING:1\\] complaint-surge 天河\nTeam 前端\n\n<font color=\"warning\">**CRITICAL**</font> **complaint-surge** firing\nLabels: queue=\\[x\\]\\(javascript:alert\\(1\\)\\) &lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*bold\\*\\* \\`code\\` &lt;font color=\"info\"&gt;ok&lt;/font&gt; \\# h, region=天河\nSummary: 投诉量 412/min in 天河\nMeasure: value 412, expected 120, score 0.93\nLikely cause: 光缆中断 &lt;b&gt;fibre cut&lt;/b&gt;\nSince 2026-11-24 13:05 UTC\n[View in Cockpit](http://cockpit.example:5000/alerts/17)\n\n<font color=\"info\">**WARNING**</font> **complaint-surge** resolved\nLabels: channel=hotline, region=天河\nSummary: back to normal\nFrom 2026-11-24 12:40 UTC to 2026-11-24 13:01 UTC\n[View in Cockpit](http://cockpit.example:5000/alerts/16)\n\n[View all in Cockpit](http://cockpit.example:5000/alerts?group=7f3a)"}}
            """,
            request.Text);
    }

    [Theory]
    [InlineData("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}", true, "WeCom code 45009: api freq out of limit")]
    [InlineData("{\"errcode\":-1,\"errmsg\":\"system busy\"}", true, "WeCom code -1: system busy")]
    [InlineData("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}", false, "WeCom code 93000: invalid webhook url")]
    [InlineData("{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}", false, "WeCom code 40058: markdown.content exceed max length 4096")]
    [InlineData("<html>proxy</html>", false, "WeCom answered without a code: HTTP 200: <html>proxy</html>")]
    public async Task Send_ErrorCode_RetryOnlyForFrequencyLimitAndBusy(string body, bool retry, string error)
    {
        await using var server = new ScriptedHttpServer(new Answer(200, body)) { ScriptedPath = null };

        var outcome = await _host[ReceiverKind.WeCom].SendAsync(ChannelTestData.Receiver(ReceiverKind.WeCom, server.Address), ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(retry ? DeliveryOutcome.Retry(error) : DeliveryOutcome.Fail(error), outcome);
    }

    [Fact]
    public void Render_500ChineseAlerts_AsManyWholeAlertsAsFitIn4096BytesThenTheRest()
    {
        var notification = ChannelTestData.Many(500);

        var (body, included) = WeComChannel.Render(notification);

        var content = JsonDocument.Parse(body).RootElement.GetProperty("markdown").GetProperty("content").GetString()!;
        var bytes = Encoding.UTF8.GetByteCount(content);
        Assert.InRange(bytes, 3000, WeComChannel.MaxContentBytes);
        Assert.InRange(included, 5, 20);
        Assert.Equal(included, Count(content, "[View in Cockpit]("));
        Assert.Equal(included, Count(content, "\nSince 2026-11-24 13:10 UTC\n"));
        Assert.EndsWith($"\n\n…and {500 - included} more: [http://cockpit.example:5000/alerts?group=7f3a](http://cockpit.example:5000/alerts?group=7f3a)", content, StringComparison.Ordinal);
        Assert.Contains($"region=天河区第{included}营业厅", content, StringComparison.Ordinal);
        Assert.DoesNotContain($"region=天河区第{included + 1}营业厅", content, StringComparison.Ordinal);

        // One more alert would not have fit.
        var oneMore = RobotMarkdown.WeCom.Document(NotificationText.From(notification), included + 1);
        Assert.True(Encoding.UTF8.GetByteCount(oneMore) > WeComChannel.MaxContentBytes);
    }

    [Fact]
    public async Task Send_TooManyAlerts_LogsHowManyWereLeftOutWithoutTheUrl()
    {
        await using var server = new ScriptedHttpServer(new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}")) { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(ReceiverKind.WeCom, new Uri(server.Address, "send?key=secret-key"));

        var outcome = await _host[ReceiverKind.WeCom].SendAsync(receiver, ChannelTestData.Many(500), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        var included = WeComChannel.Render(ChannelTestData.Many(500)).Included;
        Assert.Equal(
            $"Information Cockpit.Alerting.Channels.WeCom.WeComChannel[3100]: Notification 42 to ops holds {included} of its 500 alerts: the rest do not fit in WeCom's 4096 bytes, the message links to the group instead",
            _host.Logs.ToString());
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
