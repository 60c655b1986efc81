using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Alerting.Dispatch;

/// <summary>Registers the notification dispatcher (grouping, routing, inhibition marks, escalation → outbox).</summary>
internal static class DispatchRegistration
{
    public static IServiceCollection AddCockpitNotificationDispatch(this IServiceCollection services) => services;
}
