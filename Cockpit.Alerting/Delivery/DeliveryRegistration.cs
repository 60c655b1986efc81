using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cockpit.Alerting.Delivery;

/// <summary>Registers the outbox, the delivery status and the delivery worker (retries, backoff, per-receiver rate limits).</summary>
internal static class DeliveryRegistration
{
    public static IServiceCollection AddCockpitNotificationDelivery(this IServiceCollection services)
    {
        services.TryAddSingleton<NotificationStatus>();
        services.TryAddSingleton<NotificationOutbox>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryWorker>());
        return services;
    }
}
