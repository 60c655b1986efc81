using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Channels.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Alerting.Channels;

/// <summary>What <c>AddCockpitAlertChannels</c> registers: one channel per kind, the lookup and the named HTTP client.</summary>
public sealed class NotificationChannelsTests
{
    [Fact]
    public void For_EveryKind_ItsOwnSingletonChannel()
    {
        using var host = new ChannelHost();

        Assert.Equal(Enum.GetValues<ReceiverKind>().Order(), host.Channels.Kinds.Order());
        foreach (var kind in Enum.GetValues<ReceiverKind>())
        {
            Assert.Equal(kind, host.Channels.For(kind).Kind);
            Assert.Same(host.Channels.For(kind), host.Services.GetServices<INotificationChannel>().Single(c => c.Kind == kind));
        }

        Assert.Same(host.Channels, host.Services.GetRequiredService<NotificationChannels>());
    }

    [Fact]
    public void AddCockpitAlertChannels_Twice_StillOneChannelPerKind()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCockpitAlertChannels();
        services.AddCockpitAlertChannels();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(5, provider.GetServices<INotificationChannel>().Count());
        Assert.Equal(5, provider.GetRequiredService<NotificationChannels>().Kinds.Count);
    }

    [Fact]
    public void For_KindWithoutChannel_Throws()
    {
        var channels = new NotificationChannels([]);

        var error = Assert.Throws<InvalidOperationException>(() => channels.For(ReceiverKind.Feishu));
        Assert.Equal("No notification channel is registered for Feishu.", error.Message);
    }

    [Fact]
    public void Constructor_TwoChannelsForOneKind_Throws()
    {
        using var host = new ChannelHost();
        var webhook = host.Channels.For(ReceiverKind.Webhook);

        Assert.Throws<InvalidOperationException>(() => new NotificationChannels([webhook, webhook]));
    }

    [Fact]
    public void HttpClient_Named_HasNoTimeoutOfItsOwn()
    {
        using var host = new ChannelHost();

        using var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ChannelHttp.ClientName);

        Assert.Equal(Timeout.InfiniteTimeSpan, client.Timeout);
        Assert.Equal(1 << 20, client.MaxResponseContentBufferSize);
    }
}
