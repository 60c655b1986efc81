using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Influx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Testing;

/// <summary>Opens <see cref="InfluxDbMetricStore"/>s outside a host: options in code, the real HttpClient factory.</summary>
public static class InfluxStores
{
    private static readonly IHttpClientFactory HttpClients =
        new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    public static InfluxDbMetricStore Open(
        Uri url,
        string database,
        string dataDir,
        TimeProvider time,
        InfluxDbStoreStatus? status = null,
        Action<InfluxDbStoreOptions>? configure = null,
        RetentionOptions? retention = null,
        ILoggerProvider? logs = null)
    {
        var influx = new InfluxDbStoreOptions { Url = url, Database = database };
        configure?.Invoke(influx);
        ILogger<InfluxDbMetricStore> logger = logs is null
            ? NullLogger<InfluxDbMetricStore>.Instance
            : new Logger<InfluxDbMetricStore>(LoggerFactory.Create(b => b.AddProvider(logs)));
        return new InfluxDbMetricStore(
            Options.Create(new CockpitOptions { DataDir = dataDir }),
            Options.Create(new StoreOptions { Kind = StoreKind.InfluxDb, Retention = retention ?? new RetentionOptions(), InfluxDb = influx }),
            HttpClients,
            status ?? new InfluxDbStoreStatus(time),
            time,
            logger);
    }
}
