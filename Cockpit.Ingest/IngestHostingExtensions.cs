using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Http;
using Cockpit.Ingest.Http.Tokens;
using Cockpit.Ingest.Log;
using Cockpit.Ingest.Mqtt;
using Cockpit.Ingest.Replay;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Simulation;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest;

/// <summary>Registers everything <c>Cockpit.Ingest</c> provides.</summary>
public static class IngestHostingExtensions
{
    /// <summary>
    /// Adds the point bus, the configured store, and the adapters (the simulator, the file replay and MQTT, each when
    /// enabled), bound to the <c>Cockpit</c> configuration section and validated at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddCockpitIngest(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<CockpitOptions>().Bind(configuration.GetSection(CockpitOptions.SectionName)).ValidateOnStart();
        services.AddOptions<LogOptions>().Bind(configuration.GetSection(LogOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.MaxBytes >= 2 * o.SegmentBytes, "Cockpit:Log:MaxBytes must be at least twice Cockpit:Log:SegmentBytes (a full segment and the next one).")
            .Validate(o => o.CommitInterval >= TimeSpan.FromMilliseconds(10) && o.CommitInterval <= TimeSpan.FromMinutes(1), "Cockpit:Log:CommitInterval must be between 10 ms and 1 minute.")
            .ValidateOnStart();
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => IsValid(o.Retention), "Cockpit:Store:Retention: each of Raw, Minute and Hour must be between 1 hour and 10 years, CheckInterval between 1 s and 1 day.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, InfluxDbStoreOptionsValidator>());
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();

        services.AddSingleton<IngestBus>();
        services.AddSingleton<SeriesRegistry>();
        services.AddSingleton<IngestWriter>();
        services.AddSingleton<IngestTokenStore>();
        services.AddSingleton<IngestAuthenticator>();
        services.AddSingleton<IngestHttpHandler>();
        services.AddSingleton<InfluxDbStoreStatus>();
        // The store logs what its writes come to; the factory's four lines per request would flood the log.
        services.AddHttpClient(InfluxDbMetricStore.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<IMetricStore>(sp => sp.GetRequiredService<IOptions<StoreOptions>>().Value.Kind == StoreKind.InfluxDb
            ? ActivatorUtilities.CreateInstance<InfluxDbMetricStore>(sp)
            : ActivatorUtilities.CreateInstance<DuckDbMetricStore>(sp));
        services.AddSingleton<IIngestLog, FileIngestLog>();
        services.AddHostedService<StoreConsumer>();
        services.AddHostedService<DetectionFeed>();
        services.AddHostedService<LogWritingStop>();
        services.AddHostedService<RetentionService>();

        services.AddSingleton<SimulatorStatus>();
        if (configuration.GetSection(SimulatorOptions.SectionName).GetValue(nameof(SimulatorOptions.Enabled), defaultValue: true))
        {
            services.AddHostedService<SimulatorAdapter>();
        }

        services.AddOptions<ReplayOptions>().Bind(configuration.GetSection(ReplayOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReplayOptions>, ReplayOptionsValidator>();
        services.AddSingleton<ReplayStatus>();
        if (configuration.GetSection(ReplayOptions.SectionName).GetValue(nameof(ReplayOptions.Enabled), defaultValue: false))
        {
            services.AddHostedService<ReplayAdapter>();
        }

        // After the log's consumers: hosted services stop in reverse order, so MQTT stops writing before they stop.
        services.AddOptions<MqttOptions>().Bind(configuration.GetSection(MqttOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());
        services.AddSingleton<MqttStatus>();
        if (configuration.GetSection(MqttOptions.SectionName).GetValue<bool>(nameof(MqttOptions.Enabled)))
        {
            services.AddHostedService<MqttAdapter>();
        }

        return builder;
    }

    private static bool IsValid(object options) =>
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options, new System.ComponentModel.DataAnnotations.ValidationContext(options), null, validateAllProperties: true);
}
