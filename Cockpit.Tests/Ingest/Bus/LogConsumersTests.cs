using Cockpit.Ingest;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Log;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cockpit.Tests.Ingest.Bus;

public sealed class LogConsumersTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly LogCapture _log = new();

    public void Dispose() => _dir.Dispose();

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cockpit:DataDir"] = _dir.Path,
            ["Cockpit:Simulator:Enabled"] = "false",
            ["Cockpit:Store:FlushInterval"] = "00:00:00.250",

            // The points are dated Points.Monday and the retention service runs on the real clock: from 14 days after
            // that Monday it deleted whatever was committed when it first ran (34 000 or 99 500 of 100 000 points stored).
            ["Cockpit:Store:Retention:Raw"] = "3650.00:00:00",
        });
        builder.AddCockpitIngest();
        builder.Logging.AddProvider(_log);
        return builder.Build();
    }

    [Fact]
    public async Task Stop_AfterAcceptingBatches_EveryAcceptedPointStoredAndSeenOnce()
    {
        long seen = 0;
        var accepted = 0;
        using (var host = BuildHost())
        {
            await host.StartAsync();
            var bus = host.Services.GetRequiredService<IngestBus>();
            using var subscription = bus.Points.Subscribe(_ => Interlocked.Increment(ref seen));
            for (var batch = 0; batch < 200; batch++)
            {
                // 500 series (11 regions × 50 channels cover 550 pairs): no two points of a batch are the same point,
                // which the store would keep once (the last write wins).
                var points = Enumerable.Range(0, 500)
                    .Select(i => Points.Count("r" + (i % 11), i, Points.Monday.AddMinutes(batch), channel: "c" + (i % 50)))
                    .ToArray();
                Assert.Equal(LogAppendOutcome.Appended, await bus.TryPublishAsync(points, CancellationToken.None));
                accepted += points.Length;
            }

            await host.StopAsync();
            Assert.Equal(LogAppendOutcome.Closed, await bus.TryPublishAsync(new[] { Points.Count("late", 1, Points.Monday) }, CancellationToken.None));
            var status = bus.Log.Status;
            Assert.All(status.Consumers, c => Assert.True(c.Records == 0, $"{c}; {status.RecordsAppended} records appended; committed {string.Join(",", bus.Log.Committed(c.Consumer))}\n{_log}"));
        }

        Assert.Equal(accepted, Interlocked.Read(ref seen));
        using var reopened = BuildHost();
        var store = reopened.Services.GetRequiredService<IMetricStore>();
        var series = await store.ListSeriesAsync(MetricNames.Complaints, CancellationToken.None);
        Assert.Equal(accepted, series.Sum(s => s.PointCount));
        var total = await store.QueryAsync(
            new MetricQuery
            {
                Measurement = MetricNames.Complaints,
                Field = MetricNames.CountField,
                From = Points.Monday,
                To = Points.Monday.AddDays(1),
                Bucket = TimeSpan.FromDays(1),
                Aggregate = Aggregate.Count,
            },
            CancellationToken.None);
        Assert.Equal(accepted, Assert.Single(Assert.Single(total.Series).Points).Value);
    }
}
