using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Ingest.Storage;

public sealed class RetentionServiceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Host_EveryCheckInterval_PointsPastRetentionDeleted()
    {
        var time = new FakeTimeProvider(Points.Monday);
        var options = new StoreOptions
        {
            RecentMemoryMiB = 0,
            Retention = new RetentionOptions { Raw = TimeSpan.FromDays(1), Minute = TimeSpan.FromDays(1), Hour = TimeSpan.FromDays(1), CheckInterval = TimeSpan.FromHours(1) },
        };
        await using var store = new DuckDbMetricStore(
            Options.Create(new CockpitOptions { DataDir = _dir.Path }), Options.Create(options), time, NullLogger<DuckDbMetricStore>.Instance);
        var services = new ServiceCollection()
            .AddSingleton<IMetricStore>(store)
            .AddSingleton(Options.Create(options))
            .AddSingleton<TimeProvider>(time)
            .AddLogging()
            .AddHostedService<RetentionService>()
            .BuildServiceProvider();
        var service = services.GetServices<IHostedService>().Single();
        store.Append([Points.Count("tianhe", 1, Points.Monday.AddHours(-2)), Points.Count("tianhe", 2, Points.Monday.AddHours(-1))]);
        await store.FlushAsync(CancellationToken.None);
        await service.StartAsync(CancellationToken.None);

        // At 21 h 30 min nothing is a day old yet; at the check an hour later the first point is, the second not.
        time.Advance(TimeSpan.FromHours(21.5));
        Assert.Equal(2, await CountAsync(store));
        time.Advance(TimeSpan.FromHours(1));

        await Eventually.Get(async () => await CountAsync(store) == 1 ? "one left" : null, TimeSpan.FromSeconds(10), "the hourly retention run");
        await service.StopAsync(CancellationToken.None);
    }

    private static async Task<long> CountAsync(IMetricStore store) =>
        (await store.ListSeriesAsync(null, CancellationToken.None)).Sum(s => s.PointCount);
}
