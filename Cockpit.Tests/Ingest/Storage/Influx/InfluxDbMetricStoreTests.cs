using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Influx;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Ingest.Storage.Influx;

/// <summary>What the InfluxDB store does beyond the shared contract, against a real influxd.</summary>
public sealed class InfluxDbMetricStoreTests(InfluxdFixture influxd) : IClassFixture<InfluxdFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Points.Monday.AddDays(1));

    public void Dispose() => _dir.Dispose();

    private InfluxDbMetricStore Open(string database, InfluxDbStoreStatus? status = null, Action<InfluxDbStoreOptions>? configure = null) =>
        InfluxStores.Open(influxd.Server.Address, database, Path.Combine(_dir.Path, Guid.NewGuid().ToString("N")), _time, status, configure);

    private static MetricQuery Sum() => new()
    {
        Measurement = MetricNames.Complaints,
        Field = MetricNames.CountField,
        From = Points.Monday,
        To = Points.Monday.AddHours(1),
        Bucket = TimeSpan.FromHours(1),
        Aggregate = Aggregate.Sum,
    };

    [Fact]
    public async Task RetentionPolicy_Configured_WrittenToAndReadFromIt()
    {
        var database = await influxd.CreateDatabaseAsync();
        await influxd.Server.QueryAsync(database, $"CREATE RETENTION POLICY \"two weeks\" ON \"{database}\" DURATION 3650d REPLICATION 1");
        await using var store = Open(database, configure: o => o.RetentionPolicy = "two weeks");

        store.Append([Points.Count("tianhe", 3, Points.Monday), Points.Count("liwan", 4, Points.Monday)]);
        await store.FlushAsync(CancellationToken.None);

        Assert.Equal(7.0, Assert.Single(Assert.Single((await store.QueryAsync(Sum(), CancellationToken.None)).Series).Points).Value);
        Assert.Equal(2, (await store.ListSeriesAsync(null, CancellationToken.None)).Count);
        Assert.Equal(["liwan", "tianhe"], await store.ListTagValuesAsync(MetricNames.Complaints, MetricNames.RegionTag, CancellationToken.None));
        Assert.Contains("\"series\"", await influxd.Server.QueryAsync(database, "SELECT * FROM \"two weeks\".\"complaints\""), StringComparison.Ordinal);
        Assert.DoesNotContain("\"series\"", await influxd.Server.QueryAsync(database, "SELECT * FROM \"autogen\".\"complaints\""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_FieldTypeConflictInInfluxDb_RejectedLinesCountedOthersStored()
    {
        var database = await influxd.CreateDatabaseAsync();
        using (var client = influxd.Server.CreateClient())
        {
            // Someone else wrote the field as an integer first: InfluxDB refuses floats for it in that shard (a week).
            using var write = await client.PostAsync(
                $"write?db={database}", new StringContent($"complaints,region=haizhu count=1i {UnixTime.ToNanos(Points.Monday.AddDays(1))}\n"));
            write.EnsureSuccessStatusCode();
        }

        var status = new InfluxDbStoreStatus(_time);
        await using var store = Open(database, status);
        store.Append([Points.Count("tianhe", 3, Points.Monday), Points.At(Points.Complaints("tianhe"), "minutes", 5, Points.Monday.AddSeconds(1))]);
        await store.FlushAsync(CancellationToken.None);

        Assert.Equal((1L, 1L, 1L, 0L, 0), (status.RejectedLines, status.LinesWritten, status.RejectedBatches, status.Retries, status.SpoolFiles));
        Assert.Contains("field type conflict", status.LastError, StringComparison.Ordinal);
        var minutes = await store.QueryAsync(Sum() with { Field = "minutes" }, CancellationToken.None);
        Assert.Equal(5.0, Assert.Single(Assert.Single(minutes.Series).Points).Value);
    }

    [Fact]
    public async Task Query_DatabaseMissing_ThrowsWithInfluxDbsMessage()
    {
        await using var store = Open("no_such_database");

        var ex = await Assert.ThrowsAsync<InfluxDbQueryException>(() => store.QueryAsync(Sum(), CancellationToken.None));

        Assert.Contains("database not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListSeries_FieldsWrittenByOthers_NumbersListedStringsNot()
    {
        var database = await influxd.CreateDatabaseAsync();
        using (var client = influxd.Server.CreateClient())
        {
            var ns = UnixTime.ToNanos(Points.Monday);
            using var write = await client.PostAsync(
                $"write?db={database}", new StringContent($"cpu,host=a idle=5i,state=\"ok\",load=0.5 {ns}\ncpu,host=a idle=6i {ns + 1}\n"));
            write.EnsureSuccessStatusCode();
        }

        await using var store = Open(database);
        var series = await store.ListSeriesAsync("cpu", CancellationToken.None);

        Assert.Equal(
            [("idle", 2L, Points.Monday), ("load", 1L, Points.Monday)],
            series.Select(s => (s.Field, s.PointCount, s.LastTimestamp)));
        Assert.All(series, s => Assert.Equal("a", s.Tags["host"]));
    }

    [Fact]
    public async Task Dispose_PendingPoints_WrittenBeforeTheStoreCloses()
    {
        var database = await influxd.CreateDatabaseAsync();
        await using (var store = Open(database))
        {
            store.Append([Points.Count("tianhe", 3, Points.Monday)]);
        }

        await using var reopened = Open(database);
        Assert.Equal(3.0, Assert.Single(Assert.Single((await reopened.QueryAsync(Sum(), CancellationToken.None)).Series).Points).Value);
    }
}
