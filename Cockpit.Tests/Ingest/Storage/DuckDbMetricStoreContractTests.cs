using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
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
        Task.FromResult<IMetricStore>(OpenAt(Path.Combine(_dir.Path, Guid.NewGuid().ToString("N")), retention));

    private DuckDbMetricStore OpenAt(string dataDir, RetentionOptions? retention = null) => new(
        Options.Create(new CockpitOptions { DataDir = dataDir }),
        Options.Create(new StoreOptions { Retention = retention ?? new RetentionOptions(), RecentMemoryMiB = RecentMemoryMiB }),
        Time,
        NullLogger<DuckDbMetricStore>.Instance);

    [Fact]
    public async Task Append_RewritesAfterReopeningTheFile_LastWriteWinsThenAndAfterTheNextReopen()
    {
        var dataDir = Path.Combine(_dir.Path, "reopened");
        var points = TwoDistrictsTenMinutes();
        await using (var store = OpenAt(dataDir))
        {
            store.Append(points);
        }

        // An old minute, the newest minute, the same key twice in one batch, and a new point among them.
        MetricPoint[] rewrites =
        [
            Points.Count("tianhe", 40, Points.Monday.AddMinutes(3)),
            Points.Count("liwan", 7, Points.Monday.AddMinutes(9)),
            Points.Count("tianhe", 100, Points.Monday.AddMinutes(5), channel: "app"),
            Points.Count("tianhe", 0.25, Points.Monday.AddMinutes(5), channel: "app"),
            Points.Count("liwan", 3, Points.Monday.AddMinutes(10)),
        ];
        var stored = LastWriteWins([.. points, .. rewrites]);
        await using (var reopened = OpenAt(dataDir))
        {
            reopened.Append(rewrites);
            await reopened.FlushAsync(CancellationToken.None);
            await AssertStoredAsync(reopened, stored);
        }

        await using var again = OpenAt(dataDir);
        await AssertStoredAsync(again, stored);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _dir.Dispose();
    }
}
