using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Ingest.Storage;

/// <summary>The store contract on the embedded DuckDB store, recent minutes in memory (the default).</summary>
public sealed class DuckDbMetricStoreContractTests : DuckDbContractBase
{
    protected override int RecentMemoryMiB => 256;
}

/// <summary>The store contract on the embedded DuckDB store with no memory for recent minutes: every answer from the file.</summary>
public sealed class DuckDbMetricStoreFromFileContractTests : DuckDbContractBase
{
    protected override int RecentMemoryMiB => 0;
}

public abstract class DuckDbContractBase : MetricStoreContract
{
    private readonly TempDirectory _dir = new();

    protected abstract int RecentMemoryMiB { get; }

    protected override Task<IMetricStore> OpenAsync(RetentionOptions retention) =>
        Task.FromResult<IMetricStore>(new DuckDbMetricStore(
            Options.Create(new CockpitOptions { DataDir = Path.Combine(_dir.Path, Guid.NewGuid().ToString("N")) }),
            Options.Create(new StoreOptions { Retention = retention, RecentMemoryMiB = RecentMemoryMiB }),
            Time,
            NullLogger<DuckDbMetricStore>.Instance));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
