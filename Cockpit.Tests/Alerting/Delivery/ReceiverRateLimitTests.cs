using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Delivery;

namespace Cockpit.Tests.Alerting.Delivery;

public sealed class ReceiverRateLimitTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ReceiverKind.WeCom, 0, 20)]
    [InlineData(ReceiverKind.DingTalk, 0, 20)]
    [InlineData(ReceiverKind.Feishu, 0, 100)]
    [InlineData(ReceiverKind.Webhook, 0, 0)]
    [InlineData(ReceiverKind.Email, 0, 0)]
    [InlineData(ReceiverKind.WeCom, 5, 5)]
    [InlineData(ReceiverKind.Webhook, 30, 30)]
    public void For_ConfiguredOrKindDefault(ReceiverKind kind, int configured, int expected)
    {
        Assert.Equal(expected, ReceiverRateLimit.For(new ReceiverOptions { Kind = kind, RatePerMinute = configured }).PerMinute);
    }

    [Fact]
    public void TryTake_EachTokenComesBackOneMinuteAfterItWasSpent()
    {
        var limit = new ReceiverRateLimit(2);

        Assert.True(limit.TryTake(T0, out _));
        Assert.True(limit.TryTake(T0.AddSeconds(10), out _));
        Assert.False(limit.TryTake(T0.AddSeconds(59), out var first));
        Assert.Equal(T0.AddMinutes(1), first);
        Assert.True(limit.TryTake(T0.AddMinutes(1), out _));
        Assert.False(limit.TryTake(T0.AddSeconds(65), out var second));
        Assert.Equal(T0.AddSeconds(70), second);
    }

    [Fact]
    public void TryTake_Unlimited_AlwaysTrue()
    {
        var limit = new ReceiverRateLimit(0);

        Assert.All(Enumerable.Range(0, 1000), i => Assert.True(limit.TryTake(T0.AddTicks(i), out _)));
    }
}
