using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Ingest.Storage;

/// <summary>
/// What only the embedded store does: memory, rollups, compaction, reopening, migrations. The questions every store
/// answers alike are in <see cref="MetricStoreContract"/>, which runs on this store too.
/// </summary>
public sealed class DuckDbMetricStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(Points.Monday);

    public void Dispose() => _dir.Dispose();

    private DuckDbMetricStore Open(TimeSpan? flushInterval = null, StoreOptions? options = null)
    {
        options ??= new StoreOptions();
        options.FlushInterval = flushInterval ?? TimeSpan.FromMilliseconds(200);
        return new(
            Options.Create(new CockpitOptions { DataDir = _dir.Path }),
            Options.Create(options),
            _time,
            NullLogger<DuckDbMetricStore>.Instance);
    }

    private long Rows(string sql)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(_dir.Path, DuckDbSchema.FileName)}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Open_FileWithTheFirstLayout_MovesItsPointsOver()
    {
        Directory.CreateDirectory(_dir.Path);
        using (var old = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(_dir.Path, DuckDbSchema.FileName)}"))
        {
            old.Open();
            using var command = old.CreateCommand();
            var t0 = UnixTime.ToNanos(Points.Monday);
            command.CommandText = $$"""
                CREATE TABLE series (id INTEGER PRIMARY KEY, key VARCHAR NOT NULL UNIQUE, measurement VARCHAR NOT NULL, tags VARCHAR NOT NULL);
                CREATE TABLE points (series_id INTEGER NOT NULL, field VARCHAR NOT NULL, ts BIGINT NOT NULL, value DOUBLE NOT NULL);
                INSERT INTO series VALUES (7, 'complaints,region=tianhe', 'complaints', '{"region":"tianhe"}');
                INSERT INTO points VALUES (7, 'count', {{t0}}, 3), (7, 'count', {{t0 + 60_000_000_000}}, 4), (7, 'other', {{t0}}, 9);
                """;
            command.ExecuteNonQuery();
        }

        await using var store = Open();
        var result = await store.QueryAsync(MetricStoreContract.Query(Aggregate.Sum), CancellationToken.None);
        var series = await store.ListSeriesAsync(MetricNames.Complaints, CancellationToken.None);

        Assert.Equal(7.0, Assert.Single(Assert.Single(result.Series).Points).Value);
        Assert.Equal([("count", 2L), ("other", 1L)], series.Select(s => (s.Field, s.PointCount)));
    }

    [Fact]
    public async Task Append_NotFlushed_RecentMinutesAnsweredFromMemoryAtOnceRawAfterTheFlushInterval()
    {
        await using var store = Open(TimeSpan.FromMilliseconds(200));
        store.Append(MetricStoreContract.TwoDistrictsTenMinutes());
        var raw = MetricStoreContract.Query(Aggregate.Sum) with { Bucket = TimeSpan.FromSeconds(30) };

        Assert.Single((await store.QueryAsync(MetricStoreContract.Query(Aggregate.Sum), CancellationToken.None)).Series);
        Assert.Empty((await store.QueryAsync(raw, CancellationToken.None)).Series);
        Assert.Equal(0, Rows("SELECT count(*) FROM samples"));

        _time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.Single((await store.QueryAsync(raw, CancellationToken.None)).Series);
        Assert.Equal(30, Rows("SELECT count(*) FROM samples"));
        Assert.Equal(30, Rows("SELECT CAST(sum(cnt) AS BIGINT) FROM rollup_1m"));
        Assert.Equal(30, Rows("SELECT CAST(sum(cnt) AS BIGINT) FROM rollup_1h"));
    }

    [Fact]
    public async Task Retention_RawGone_HourlyAndMinuteQueriesStillAnsweredFromRollups()
    {
        var options = new StoreOptions
        {
            RecentMemoryMiB = 0,
            Retention = new RetentionOptions { Raw = TimeSpan.FromDays(1), Minute = TimeSpan.FromDays(3), Hour = TimeSpan.FromDays(30) },
        };
        await using var store = Open(options: options);
        var start = _time.GetUtcNow().AddDays(-5);
        store.Append([.. Enumerable.Range(0, 5 * 24 * 60).Select(m => Points.Count("tianhe", 1, start.AddMinutes(m)))]);
        await store.FlushAsync(CancellationToken.None);

        await store.ApplyRetentionAsync(CancellationToken.None);

        var hourly = await store.QueryAsync(
            MetricStoreContract.Query(Aggregate.Count) with { From = start, To = _time.GetUtcNow(), Bucket = TimeSpan.FromDays(1) }, CancellationToken.None);
        var fiveMinutes = await store.QueryAsync(
            MetricStoreContract.Query(Aggregate.Count) with { From = start, To = _time.GetUtcNow(), Bucket = TimeSpan.FromMinutes(5) }, CancellationToken.None);
        var raw = await store.QueryAsync(
            MetricStoreContract.Query(Aggregate.Count) with { From = start, To = _time.GetUtcNow(), Bucket = TimeSpan.FromSeconds(30) }, CancellationToken.None);

        // Every minute of the 5 days is still counted hourly; 5-minute buckets reach back 3 days, raw ones 1 day.
        Assert.Equal(5 * 24 * 60, Assert.Single(hourly.Series).Points.Sum(p => p.Value));
        Assert.Equal(3 * 24 * 60, Assert.Single(fiveMinutes.Series).Points.Sum(p => p.Value));
        Assert.Equal(24 * 60, Assert.Single(raw.Series).Points.Sum(p => p.Value));
        Assert.Equal(24 * 60, Assert.Single(await store.ListSeriesAsync(null, CancellationToken.None)).PointCount);
    }

    [Fact]
    public async Task Compact_ManyCommitsInOneMinute_OneRowPerBucketSameAnswers()
    {
        await using var store = Open(options: new StoreOptions { RecentMemoryMiB = 0 });
        for (var i = 0; i < 12; i++)
        {
            store.Append([Points.Count("tianhe", i, Points.Monday.AddSeconds(i * 5)), Points.Count("liwan", i, Points.Monday.AddHours(2).AddSeconds(i))]);
            await store.FlushAsync(CancellationToken.None);
        }

        var query = MetricStoreContract.Query(Aggregate.Mean, "region") with { To = Points.Monday.AddHours(3), Bucket = TimeSpan.FromMinutes(1) };
        var before = await store.QueryAsync(query, CancellationToken.None);
        Assert.Equal(24, Rows("SELECT count(*) FROM rollup_1m"));

        store.Compact();

        Assert.Equal(2, Rows("SELECT count(*) FROM rollup_1m"));
        Assert.Equal(2, Rows("SELECT count(*) FROM rollup_1h"));
        var after = await store.QueryAsync(query, CancellationToken.None);
        Assert.Equal(before.Series.Select(s => s.Points.Single()), after.Series.Select(s => s.Points.Single()));
        Assert.Equal(5.5, after.Series[0].Points[0].Value);
    }

    [Fact]
    public async Task Compact_SameMinuteWrittenBeforeAndAfterAReopen_MergedIntoOneRow()
    {
        await using (var store = Open())
        {
            store.Append([Points.Count("tianhe", 1, Points.Monday.AddSeconds(10))]);
        }

        await using var reopened = Open();
        reopened.Append([Points.Count("tianhe", 2, Points.Monday.AddSeconds(20))]);
        reopened.Compact();

        Assert.Equal(1, Rows("SELECT count(*) FROM rollup_1m"));
        Assert.Equal(1, Rows("SELECT count(*) FROM rollup_1h"));
        Assert.Equal(3, Rows("SELECT CAST(sum(sum) AS BIGINT) FROM rollup_1m"));
    }

    [Fact]
    public async Task Reopen_RecentMinutesLoadedBackIntoMemory()
    {
        await using (var store = Open())
        {
            store.Append(MetricStoreContract.TwoDistrictsTenMinutes());
        }

        await using var reopened = Open();
        var result = await reopened.QueryAsync(MetricStoreContract.Query(Aggregate.Sum, "region"), CancellationToken.None);

        Assert.Equal(3, reopened.SeriesInMemory);
        Assert.Equal([10.0, 10.0], result.Series[0].Points.Select(p => p.Value));
    }

    [Fact]
    public async Task Reopen_SeriesOlderThanTheWindowGetsLatePoint_AnswerStillCountsItsOlderPoints()
    {
        // liwan's only point is older than the memory window the reopened store loads; a late point for the same
        // minute must not make memory claim that minute: the answer has to include the point on disk.
        var options = new StoreOptions { RecentWindow = TimeSpan.FromHours(1) };
        await using (var store = Open(options: options))
        {
            store.Append([Points.Count("liwan", 1, Points.Monday), Points.Count("tianhe", 1, Points.Monday.AddHours(5))]);
        }

        await using var reopened = Open(options: new StoreOptions { RecentWindow = TimeSpan.FromHours(1) });
        reopened.Append([Points.Count("liwan", 2, Points.Monday.AddSeconds(30))]);
        await reopened.FlushAsync(CancellationToken.None);

        var result = await reopened.QueryAsync(
            MetricStoreContract.Query(Aggregate.Sum) with { TagFilters = new Dictionary<string, IReadOnlyList<string>> { ["region"] = ["liwan"] } },
            CancellationToken.None);

        Assert.Equal(3.0, Assert.Single(Assert.Single(result.Series).Points).Value);
    }

    [Fact]
    public async Task Open_FileWithoutRollups_BuildsThemFromItsSamples()
    {
        await using (var store = Open())
        {
            store.Append(MetricStoreContract.TwoDistrictsTenMinutes());
        }

        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={Path.Combine(_dir.Path, DuckDbSchema.FileName)}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE rollup_1m; DROP TABLE rollup_1h;";
            command.ExecuteNonQuery();
        }

        await using var reopened = Open(options: new StoreOptions { RecentMemoryMiB = 0 });
        var result = await reopened.QueryAsync(MetricStoreContract.Query(Aggregate.Sum) with { Bucket = TimeSpan.FromHours(1) }, CancellationToken.None);

        Assert.Equal(55 + 1000 + 20.0, Assert.Single(Assert.Single(result.Series).Points).Value);
        Assert.Equal(30, Rows("SELECT count(*) FROM rollup_1m"));
    }

    [Fact]
    public async Task ListSeries_AfterReopen_CountsAndLastTimestampKept()
    {
        await using (var store = Open())
        {
            store.Append(MetricStoreContract.TwoDistrictsTenMinutes());
        }

        await using var reopened = Open();
        var series = await reopened.ListSeriesAsync(MetricNames.Complaints, CancellationToken.None);

        Assert.Equal(3, series.Count);
        Assert.All(series, s => Assert.Equal(10, s.PointCount));
        Assert.All(series, s => Assert.Equal(Points.Monday.AddMinutes(9), s.LastTimestamp));
        Assert.Contains(series, s => s.Tags["region"] == "liwan" && s.Field == "count");
        Assert.Empty(await reopened.ListSeriesAsync("network", CancellationToken.None));
    }

    [Fact]
    public async Task Append_RandomRewritesLateAndRepeatedPoints_RollupsRingsAndCountsAgreeWithTheSamples()
    {
        // Three series, a point every 10 s over two hours, written in random order, partly twice, with flushes,
        // compactions and unflushed appends in between: every second write of a key is a rewrite.
        var random = new Random(7);
        string[] regions = ["tianhe", "liwan", "haizhu"];
        var written = new List<MetricPoint>();
        var store = Open();
        await using (store)
        {
            for (var round = 0; round < 40; round++)
            {
                var batch = Enumerable.Range(0, 150)
                    .Select(_ => Points.Count(regions[random.Next(3)], random.Next(-50, 50) / 4.0, Points.Monday.AddSeconds(10 * random.Next(720))))
                    .ToArray();
                store.Append(batch);
                written.AddRange(batch);
                switch (round % 4)
                {
                    case 0:
                        await store.FlushAsync(CancellationToken.None);
                        break;
                    case 1:
                        store.Compact();
                        break;
                }
            }

            await store.FlushAsync(CancellationToken.None);
            await AssertAgreesAsync(store, MetricStoreContract.LastWriteWins(written));
        }

        await using var reopened = Open();
        await AssertAgreesAsync(reopened, MetricStoreContract.LastWriteWins(written));
    }

    private async Task AssertAgreesAsync(DuckDbMetricStore store, MetricPoint[] stored)
    {
        Assert.Equal(0, Rows("SELECT count(*) FROM (SELECT series_id, ts FROM samples GROUP BY ALL HAVING count(*) > 1)"));
        Assert.Equal(stored.Length, Rows("SELECT count(*) FROM samples"));
        foreach (var (table, size) in new[] { ("rollup_1m", Resolutions.MinuteNs), ("rollup_1h", Resolutions.HourNs) })
        {
            Assert.Equal(0, Rows($"""
                SELECT count(*) FROM (
                    SELECT series_id, bucket, sum(cnt) AS c, sum(sum) AS s, min(min) AS mn, max(max) AS mx, arg_max(last, last_ts) AS l, max(last_ts) AS lt
                    FROM {table} GROUP BY ALL) r
                FULL OUTER JOIN (
                    SELECT series_id, ts // {size} * {size} AS bucket, count(*) AS c, sum(value) AS s, min(value) AS mn, max(value) AS mx,
                           arg_max(value, ts) AS l, max(ts) AS lt
                    FROM samples GROUP BY ALL) p USING (series_id, bucket)
                WHERE r.c IS DISTINCT FROM p.c OR abs(r.s - p.s) > 1e-9 OR r.s IS NULL OR p.s IS NULL OR r.mn <> p.mn OR r.mx <> p.mx
                   OR r.l <> p.l OR r.lt <> p.lt
                """));
        }

        // Memory answers (whole minutes from the start of a minute) and the file's (a range starting a second earlier)
        // are both those of the points kept.
        Assert.Equal(3, store.SeriesInMemory);
        foreach (var aggregate in Enum.GetValues<Aggregate>())
        {
            var query = MetricStoreContract.Query(aggregate, "region") with { To = Points.Monday.AddHours(2), Bucket = TimeSpan.FromMinutes(5) };
            var fromMemory = await store.QueryAsync(query, CancellationToken.None);
            var fromFile = await store.QueryAsync(query with { From = Points.Monday.AddSeconds(-1) }, CancellationToken.None);
            var expected = stored
                .GroupBy(p => p.Series.GetTag("region")!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.GroupBy(p => p.TimestampNs / UnixTime.ToNanos(query.Bucket)).OrderBy(b => b.Key).Select(b => aggregate switch
                {
                    Aggregate.Mean => b.Average(p => p.Value),
                    Aggregate.Sum => b.Sum(p => p.Value),
                    Aggregate.Min => b.Min(p => p.Value),
                    Aggregate.Max => b.Max(p => p.Value),
                    Aggregate.Count => b.Count(),
                    _ => b.MaxBy(p => p.TimestampNs).Value,
                }).ToList())
                .ToList();
            foreach (var result in new[] { fromMemory, fromFile })
            {
                Assert.Equal(expected.Count, result.Series.Count);
                for (var g = 0; g < expected.Count; g++)
                {
                    Assert.Equal(expected[g], result.Series[g].Points.Select(p => p.Value), (a, b) => Math.Abs(a - b) < 1e-9);
                }
            }
        }

        var counts = stored.GroupBy(p => p.Series.GetTag("region")!).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        Assert.All(await store.ListSeriesAsync(null, CancellationToken.None), s => Assert.Equal(counts[s.Tags["region"]], s.PointCount));
    }

    [Fact]
    public async Task Append_RewriteOlderThanRawRetention_RollupsCountItAsOneMorePoint()
    {
        // What the README says: the samples that would tell which value a rewrite replaced are gone, so the bucket's
        // rollups keep the old value and add the new one. Raw points show the new value until retention takes it.
        var options = new StoreOptions { RecentMemoryMiB = 0, Retention = new RetentionOptions { Raw = TimeSpan.FromDays(1) } };
        await using var store = Open(options: options);
        var minute = _time.GetUtcNow().AddDays(-3);
        store.Append([Points.Count("tianhe", 1, minute), Points.Count("tianhe", 2, minute.AddSeconds(10)), Points.Count("tianhe", 3, minute.AddSeconds(20))]);
        await store.FlushAsync(CancellationToken.None);
        await store.ApplyRetentionAsync(CancellationToken.None);

        store.Append([Points.Count("tianhe", 20, minute.AddSeconds(10))]);
        await store.FlushAsync(CancellationToken.None);

        var query = MetricStoreContract.Query(Aggregate.Sum) with { From = minute, To = minute.AddHours(1) };
        var hourly = await store.QueryAsync(query with { Bucket = TimeSpan.FromHours(1) }, CancellationToken.None);
        var count = await store.QueryAsync(query with { Bucket = TimeSpan.FromMinutes(1), Aggregate = Aggregate.Count }, CancellationToken.None);
        var raw = await store.QueryAsync(query with { Bucket = TimeSpan.FromSeconds(10) }, CancellationToken.None);
        Assert.Equal(1 + 2 + 3 + 20.0, Assert.Single(Assert.Single(hourly.Series).Points).Value);
        Assert.Equal(4.0, Assert.Single(Assert.Single(count.Series).Points).Value);
        Assert.Equal([20.0], Assert.Single(raw.Series).Points.Select(p => p.Value));
    }
}
