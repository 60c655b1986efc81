using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Dispatch;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Silences;
using Cockpit.Alerting.Storage;
using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting;

/// <summary>Registers everything <c>Cockpit.Alerting</c> provides.</summary>
public static class AlertingHostingExtensions
{
    /// <summary>Adds detection (if not added yet), the alert book, silences, the dispatcher, the channels and the delivery worker.</summary>
    public static IHostApplicationBuilder AddCockpitAlerting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(s => s.ServiceType == typeof(Detection.Pipeline.DetectionPipeline)))
        {
            builder.AddCockpitDetection();
        }

        services.AddOptions<AlertingOptions>()
            .Bind(builder.Configuration.GetSection(AlertingOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<AlertingDatabase>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertingOptions>, InhibitRulesValidator>());
        services.AddSingleton<SilenceBook>();
        services.AddSingleton<ISilenceBook>(sp => sp.GetRequiredService<SilenceBook>());
        services.AddSingleton<AlertBook>();
        services.AddSingleton<IAlertBook>(sp => sp.GetRequiredService<AlertBook>());
        services.AddSingleton<IAlertSignalSink>(sp => sp.GetRequiredService<AlertBook>());
        services.AddSingleton<AlertingHealth>();
        services.AddCockpitAlertChannels();
        services.AddCockpitNotificationDispatch();
        services.AddCockpitNotificationDelivery();
        return builder;
    }
}
