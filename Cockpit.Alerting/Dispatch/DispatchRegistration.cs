using Cockpit.Alerting.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Dispatch;

/// <summary>Registers the notification dispatcher (grouping, routing, escalation → outbox).</summary>
internal static class DispatchRegistration
{
    public static IServiceCollection AddCockpitNotificationDispatch(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertingOptions>, AlertingOptionsValidator>());
        services.TryAddSingleton<NotificationStatus>();
        services.TryAddSingleton<NotificationOutbox>();
        services.AddSingleton<AlertRouter>();
        services.AddSingleton<NotificationGroupStore>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        return services;
    }
}
