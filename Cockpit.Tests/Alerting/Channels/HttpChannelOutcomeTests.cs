using Cockpit.Alerting.Channels;
using Cockpit.Tests.Testing;
using Answer = Cockpit.Tests.Testing.ScriptedHttpServer.Answer;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>How every HTTP channel classifies what the network and the server did, against a real server.</summary>
public sealed class HttpChannelOutcomeTests : IDisposable
{
    private readonly ChannelHost _host = new();

    public static TheoryData<ReceiverKind> HttpKinds => [ReceiverKind.Webhook, ReceiverKind.WeCom, ReceiverKind.DingTalk, ReceiverKind.Feishu];

    public void Dispose() => _host.Dispose();

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_500_Retry(ReceiverKind kind)
    {
        var outcome = await SendAgainst(kind, new Answer(500, "{\"error\":\"boom\"}"));

        Assert.Equal(DeliveryOutcome.Retry("HTTP 500: {\"error\":\"boom\"}"), outcome);
    }

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_429WithRetryAfterSeconds_RetryAfterThatLong(ReceiverKind kind)
    {
        var outcome = await SendAgainst(kind, new Answer(429, RetryAfterSeconds: 7));

        Assert.Equal(DeliveryOutcome.Retry("HTTP 429", TimeSpan.FromSeconds(7)), outcome);
    }

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_503WithRetryAfterDate_RetryAfterTheWaitUntilThenOnTheInjectedClock(ReceiverKind kind)
    {
        var outcome = await SendAgainst(kind, new Answer(503, RetryAfterDate: ChannelTestData.Now.AddSeconds(90)));

        Assert.Equal(DeliveryOutcome.Retry("HTTP 503", TimeSpan.FromSeconds(90)), outcome);
    }

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_400_Fail(ReceiverKind kind)
    {
        var outcome = await SendAgainst(kind, new Answer(400, "bad request"));

        Assert.Equal(DeliveryOutcome.Fail("HTTP 400: bad request"), outcome);
    }

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_Redirect_FailWithoutFollowing(ReceiverKind kind)
    {
        await using var server = new ScriptedHttpServer(new Answer(302, Location: "/elsewhere")) { ScriptedPath = null, Default = new Answer(200, "{\"errcode\":0,\"code\":0}") };

        var outcome = await _host[kind].SendAsync(ChannelTestData.Receiver(kind, server.Address), ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Fail("HTTP 302"), outcome);
        Assert.Single(server.Requests);
    }

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_ConnectionRefused_Retry(ReceiverKind kind)
    {
        var nobody = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/hook");

        var outcome = await _host[kind].SendAsync(ChannelTestData.Receiver(kind, nobody), ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.True(outcome.Retryable, outcome.Error);
        Assert.StartsWith("ConnectionError: ", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_ServerNeverAnswers_RetryAfterTheReceiversTimeout(ReceiverKind kind)
    {
        await using var server = new ScriptedHttpServer(new Answer(200, Hang: true)) { ScriptedPath = null };
        var receiver = ChannelTestData.Receiver(kind, server.Address, r => r.Timeout = TimeSpan.FromMilliseconds(300));

        var outcome = await _host[kind].SendAsync(receiver, ChannelTestData.TwoAlerts(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Retry("no answer within 00:00:00.3000000"), outcome);
    }

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_CallerCancels_Throws(ReceiverKind kind)
    {
        await using var server = new ScriptedHttpServer(new Answer(200, Hang: true)) { ScriptedPath = null };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _host[kind].SendAsync(ChannelTestData.Receiver(kind, server.Address), ChannelTestData.TwoAlerts(), cancel.Token));
    }

    [Theory]
    [MemberData(nameof(HttpKinds))]
    public async Task Send_Ok_SendsTheNotificationIdHeaderOnce(ReceiverKind kind)
    {
        await using var server = new ScriptedHttpServer { ScriptedPath = null, Default = new Answer(200, "{\"errcode\":0,\"code\":0}") };

        var outcome = await _host[kind].SendAsync(ChannelTestData.Receiver(kind, server.Address), ChannelTestData.TwoAlerts() with { Id = 9001 }, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Ok, outcome);
        Assert.Equal("9001", Assert.Single(server.Requests).Headers["X-Cockpit-Notification-Id"]);
    }

    private async Task<DeliveryOutcome> SendAgainst(ReceiverKind kind, Answer answer)
    {
        await using var server = new ScriptedHttpServer(answer) { ScriptedPath = null };
        var outcome = await _host[kind].SendAsync(ChannelTestData.Receiver(kind, server.Address), ChannelTestData.TwoAlerts(), CancellationToken.None);
        Assert.Single(server.Requests);
        return outcome;
    }
}
