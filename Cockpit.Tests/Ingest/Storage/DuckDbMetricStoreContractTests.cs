using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Ingest.Storage;

/// <summary>The store contract on the embedded DuckDB store.</summary>
public sealed class DuckDbMetricStoreContractTests : MetricStoreContract
{
    private readonly TempDirectory _dir = new();

    protected override Task<IMetricStore> OpenAsync(RetentionOptions retention) =>
        Task.FromResult<IMetricStore>(new DuckDbMetricStore(
            Options.Create(new CockpitOptions { DataDir = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N")) }),
            Options.Create(new StoreOptions { Retention = retention }),
            Time,
            NullLogger<DuckDbMetricStore>.Instance));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
