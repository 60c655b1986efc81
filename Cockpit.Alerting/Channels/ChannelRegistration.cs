using Cockpit.Alerting.Channels.DingTalk;
using Cockpit.Alerting.Channels.Email;
using Cockpit.Alerting.Channels.Feishu;
using Cockpit.Alerting.Channels.Http;
using Cockpit.Alerting.Channels.Webhook;
using Cockpit.Alerting.Channels.WeCom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Channels;

/// <summary>
/// Registers the notification channels (one <see cref="INotificationChannel"/> per <see cref="ReceiverKind"/>), the
/// <see cref="NotificationChannels"/> lookup, their named <see cref="HttpClient"/> and the receivers' start-up check.
/// </summary>
internal static class ChannelRegistration
{
    /// <summary>Answers larger than this are someone else's error page; the channels read only the start anyway.</summary>
    private const int MaxAnswerBytes = 1 << 20;

    public static IServiceCollection AddCockpitAlertChannels(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        // Each attempt carries the receiver's own timeout, which may be longer than HttpClient's 100 s default. The
        // factory's request logging is off: robot URLs carry their access token. Redirects are not followed: a 302
        // would turn the POST into a GET whose 200 would look like a delivery.
        services.AddHttpClient(ChannelHttp.ClientName, client =>
        {
            client.Timeout = Timeout.InfiniteTimeSpan;
            client.MaxResponseContentBufferSize = MaxAnswerBytes;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("Cockpit-Alerting/1");
        })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        services.TryAddSingleton<ChannelHttp>();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<INotificationChannel, WebhookChannel>(),
            ServiceDescriptor.Singleton<INotificationChannel, WeComChannel>(),
            ServiceDescriptor.Singleton<INotificationChannel, DingTalkChannel>(),
            ServiceDescriptor.Singleton<INotificationChannel, FeishuChannel>(),
            ServiceDescriptor.Singleton<INotificationChannel, EmailChannel>(),
        ]);
        services.TryAddSingleton<NotificationChannels>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertingOptions>, ReceiversValidator>());
        return services;
    }
}
