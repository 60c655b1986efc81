using Cockpit.Ingest.Storage;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Storage.Influx;

/// <summary>The store contract on the InfluxDB store, against a real influxd: one server per class, one database per store.</summary>
public sealed class InfluxDbMetricStoreContractTests(InfluxdFixture influxd) : MetricStoreContract, IClassFixture<InfluxdFixture>
{
    private readonly TempDirectory _dir = new();

    protected override async Task<IMetricStore> OpenAsync(RetentionOptions retention)
    {
        var database = await influxd.CreateDatabaseAsync();
        return InfluxStores.Open(influxd.Server.Address, database, Path.Combine(_dir.Path, database), Time, retention: retention);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
