using System.Reactive.Concurrency;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rollups;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection;

/// <summary>Registers everything <c>Cockpit.Detection</c> provides.</summary>
public static class DetectionHostingExtensions
{
    /// <summary>Adds ingest (if not added yet), the detection pipeline and the live rollups.</summary>
    public static IHostApplicationBuilder AddCockpitDetection(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (!services.Any(s => s.ServiceType == typeof(Ingest.Bus.IngestBus)))
        {
            builder.AddCockpitIngest();
        }

        services.AddOptions<DetectionOptions>()
            .Bind(builder.Configuration.GetSection(DetectionOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectionOptions>, DetectionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DetectionOptions>, DetectionRulesValidator>());

        // The composition root is the one place that picks the real scheduler; everything else takes IScheduler.
#pragma warning disable RS0030 // banned API: see comment above
        services.TryAddSingleton<IScheduler>(DefaultScheduler.Instance);
#pragma warning restore RS0030

        services.TryAddSingleton<IRuleStore, SqliteRuleStore>();
        services.TryAddSingleton<RuleCatalog>();
        services.TryAddSingleton<IRuleCatalog>(sp => sp.GetRequiredService<RuleCatalog>());
        services.AddSingleton<LiveRollups>();
        services.AddSingleton<DetectionPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<DetectionPipeline>());
        return builder;
    }
}
