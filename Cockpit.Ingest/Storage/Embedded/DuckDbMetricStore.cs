using System.Globalization;
using System.Text.Json;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The default store: a DuckDB file in <c>DataDir</c> with raw samples and 1-minute and 1-hour rollups, plus the
/// recent minutes of each series in memory.
/// <para>
/// Writes: appends go to DuckDB appenders inside one open transaction, together with the rollup rows of the same
/// points, and the store commits every <see cref="StoreOptions.FlushInterval"/> (early past
/// <see cref="StoreOptions.FlushRows"/>): a commit makes points and their rollups durable and visible at once, so the
/// rollups never disagree with the raw points, also after a crash. Compaction merges partial rollup rows later.
/// </para>
/// <para>
/// Reads: series are resolved from the in-memory catalog; a query the recent rings cover is answered from memory,
/// any other from the coarsest rollup its bucket allows, with raw points only for ragged ends (see
/// <see cref="Resolutions.Plan"/>). Queries run on their own connections and see committed data.
/// </para>
/// <para>
/// Same point twice: as in InfluxDB, a point with the field series and time of a stored one replaces it, everywhere a
/// query looks (raw points, rollups, memory, point counts). Only a point at or before its series' newest time can do
/// that; those wait in <see cref="PendingRewrites"/> and <see cref="RewriteCommit"/> settles them at commit, so that
/// in-order ingest costs one comparison more. A rollup bucket that raw retention has already thinned is the exception:
/// a rewrite there counts as one point more (see <see cref="DuckDbRewriteSql.RebuildBuckets"/>).
/// </para>
/// Locks: <c>_writeLock</c> orders appends, commits and maintenance; <c>_memoryLock</c> guards the catalog and
/// the rings, which queries read without waiting for a commit.
/// </summary>
public sealed partial class DuckDbMetricStore : IMetricStore
{
    private readonly Lock _writeLock = new();
    private readonly Lock _memoryLock = new();
    private readonly string _connectionString;
    private readonly DuckDBConnection _writer;
    private readonly SeriesCatalog _catalog = new();
    private readonly PendingRollups _rollups = new();
    private readonly PendingRewrites _rewrites = new();
    private readonly ITimer _flushTimer;
    private readonly ITimer _compactionTimer;
    private readonly StoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DuckDbMetricStore> _logger;
    private readonly int _ringMinutes;
    private readonly long _ringBudget;
    private readonly Dictionary<int, long> _pendingLogCursors = [];
    private readonly Dictionary<int, long> _logCursors = [];
    private DuckDBAppender? _pointAppender;
    private DuckDBAppender? _seriesAppender;
    private long _ringBytes;
    private int _nextSeriesId = 1;
    private int _pendingRows;
    private bool _inTransaction;
    private bool _disposed;

    public DuckDbMetricStore(
        IOptions<CockpitOptions> cockpit,
        IOptions<StoreOptions> options,
        TimeProvider timeProvider,
        ILogger<DuckDbMetricStore> logger)
    {
        _options = options.Value;
        _time = timeProvider;
        _logger = logger;
        _ringMinutes = (int)Math.Ceiling(_options.RecentWindow.TotalMinutes);
        _ringBudget = _ringMinutes == 0 ? 0 : (long)_options.RecentMemoryMiB * 1024 * 1024;
        var dataDir = cockpit.Value.ResolveDataDir();
        Directory.CreateDirectory(dataDir);
        DatabasePath = Path.Combine(dataDir, DuckDbSchema.FileName);
        _connectionString = $"Data Source={DatabasePath}";
        _writer = new DuckDBConnection(_connectionString);
        _writer.Open();
        Execute(DuckDbSchema.Create);
        MigrateFirstLayout();
        AddRollupsIfMissing();
        LoadCatalog();
        LoadLogCursors();
        var ringSeries = LoadRings();
        LogOpened(DatabasePath, _catalog.Count, ringSeries);
        _flushTimer = timeProvider.CreateTimer(_ => OnTimer(CommitIfPending), null, _options.FlushInterval, _options.FlushInterval);
        _compactionTimer = timeProvider.CreateTimer(_ => OnTimer(Compact), null, _options.CompactionInterval, _options.CompactionInterval);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Field series whose recent minutes are in memory.</summary>
    public int SeriesInMemory { get; private set; }

    public void Append(ReadOnlySpan<MetricPoint> points)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_inTransaction)
            {
                Execute("BEGIN TRANSACTION");
                _inTransaction = true;
            }

            _pointAppender ??= _writer.CreateAppender("samples");
            lock (_memoryLock)
            {
                foreach (ref readonly var point in points)
                {
                    var series = _catalog.Find(point.Series, point.Field) ?? AddSeries(point.Series, point.Field);
                    if (point.TimestampNs <= series.LastNs)
                    {
                        var recent = series.Recent ??= new RecentTimestamps(series.LastNs);
                        if (!recent.IsNew(point.TimestampNs))
                        {
                            // It may replace a stored point, which only the commit can tell: counted now unless it
                            // repeats a pending key, uncounted at commit if it replaced a sample (see RewriteCommit).
                            series.Record(point.TimestampNs, _rewrites.Add(series.Id, point.TimestampNs, point.Value) ? 1 : 0);
                            continue;
                        }
                    }

                    series.Recent?.Add(point.TimestampNs);

                    _pointAppender.CreateRow()
                        .AppendValue(series.Id)
                        .AppendValue(point.TimestampNs)
                        .AppendValue(point.Value)
                        .EndRow();
                    var minute = Resolutions.Minute(point.TimestampNs);
                    _rollups.Add(series, minute * Resolutions.MinuteNs, point.Value, point.TimestampNs);
                    (series.Ring ?? GiveRing(series))?.Add(minute, point.Value, point.TimestampNs);
                    series.Record(point.TimestampNs);
                }
            }

            _pendingRows += points.Length;
            if (_pendingRows >= _options.FlushRows)
            {
                CommitLocked();
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>The position is committed in the same transaction as the points: after a crash both or neither are there.</remarks>
    public void Append(ReadOnlySpan<MetricPoint> points, int partition, long next)
    {
        lock (_writeLock)
        {
            // Set first: a commit that the points trigger (FlushRows) then carries the position with them.
            _pendingLogCursors[partition] = next;
            Append(points);
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<int, long> LogCursors
    {
        get
        {
            lock (_writeLock)
            {
                return new Dictionary<int, long>(_logCursors);
            }
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            if (!_disposed)
            {
                CommitLocked();
            }
        }

        return Task.CompletedTask;
    }

    // DuckDB executes synchronously; the async signature is the interface's, for stores that do real I/O.
    public Task<QueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        SeriesSelection selection;
        lock (_memoryLock)
        {
            selection = SeriesSelection.Resolve(_catalog, query);
            if (selection.Members.Count == 0)
            {
                return Task.FromResult(new QueryResult([]));
            }

            if (MemoryQuery.TryRun(query, selection) is { } fromMemory)
            {
                return Task.FromResult(fromMemory);
            }
        }

        return Task.FromResult(QueryDatabase(query, selection, cancellationToken));
    }

    public Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(string? measurement, CancellationToken cancellationToken)
    {
        lock (_memoryLock)
        {
            return Task.FromResult<IReadOnlyList<SeriesInfo>>(_catalog.List(measurement));
        }
    }

    public Task<IReadOnlyList<string>> ListTagValuesAsync(string measurement, string tagKey, CancellationToken cancellationToken)
    {
        lock (_memoryLock)
        {
            return Task.FromResult<IReadOnlyList<string>>(_catalog.TagValues(measurement, tagKey));
        }
    }

    public Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var now = UnixTime.ToNanos(_time.GetUtcNow());
        var retention = _options.Retention;
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CommitLocked();
            var rawCutoff = now - UnixTime.ToNanos(retention.Raw);
            Execute("BEGIN TRANSACTION");
            try
            {
                // The points that go are counted first, from the old rows only: no scan of every raw point per run.
                var leaving = ReadCounts(DuckDbSchema.RawPointsBefore(rawCutoff));
                Execute(DuckDbSchema.Retention(rawCutoff, now - UnixTime.ToNanos(retention.Minute), now - UnixTime.ToNanos(retention.Hour)));
                Execute("COMMIT");
                lock (_memoryLock)
                {
                    foreach (var (id, count) in leaving)
                    {
                        _catalog.FindById(id)?.Record(long.MinValue, -count);
                    }
                }
            }
            catch
            {
                TryRollback();
                throw;
            }
        }

        LogRetentionApplied(retention.Raw, retention.Minute, retention.Hour);
        return Task.CompletedTask;
    }

    /// <summary>Merges partial rollup rows of the hours written since the last compaction.</summary>
    public void Compact()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            CommitLocked();
            var (minuteTable, hourTable) = _rollups.TakeHoursToCompact();
            CompactLocked(Resolution.Minute, minuteTable);
            CompactLocked(Resolution.Hour, hourTable);
        }
    }

    public ValueTask DisposeAsync()
    {
        _flushTimer.Dispose();
        _compactionTimer.Dispose();
        lock (_writeLock)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            CommitLocked();
            _disposed = true;
            _writer.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    // Contiguous hours are merged together, a day at most per statement so that a backfill's merge stays small.
    private void CompactLocked(Resolution resolution, List<long> hours)
    {
        for (var i = 0; i < hours.Count;)
        {
            var j = i;
            while (j + 1 < hours.Count && hours[j + 1] == hours[j] + Resolutions.HourNs && j + 1 - i < 24)
            {
                j++;
            }

            Execute(DuckDbSchema.Compact(resolution, hours[i], hours[j] + Resolutions.HourNs));
            i = j + 1;
        }
    }

    private QueryResult QueryDatabase(MetricQuery query, SeriesSelection selection, CancellationToken cancellationToken)
    {
        var (sql, parameters) = DuckDbQueryBuilder.Build(query, selection);
        using var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        var series = new List<QuerySeries>();
        var currentGroup = -1;
        List<BucketValue>? points = null;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = reader.GetInt32(0);
            if (group != currentGroup)
            {
                currentGroup = group;
                points = [];
                series.Add(new QuerySeries(selection.Describe(query.GroupBy, group), points));
            }

            var value = reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2);
            points!.Add(new BucketValue(UnixTime.ToDateTimeOffset(reader.GetInt64(1)), value));
        }

        return new QueryResult(series);
    }

    private void CommitIfPending()
    {
        lock (_writeLock)
        {
            if (!_disposed && _pendingRows > 0)
            {
                CommitLocked();
            }
        }
    }

    private void OnTimer(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            LogMaintenanceFailed(ex);
        }
    }

    // Points, their series and their rollup rows commit in one transaction: all of them or none. A point that replaces a
    // stored one (same field series and time: the last write wins) does so in the same transaction.
    private void CommitLocked()
    {
        if (!_inTransaction)
        {
            return;
        }

        try
        {
            _seriesAppender?.Dispose();
            _pointAppender?.Dispose();
            lock (_memoryLock)
            {
                _rollups.CloseAll();
            }

            AppendRollups("rollup_1m", _rollups.Minutes);
            AppendRollups("rollup_1h", _rollups.Hours);
            var rewritten = _rewrites.Count == 0 ? null : RewriteCommit.Apply(_writer, _rewrites);
            SaveLogCursors();
            Execute("COMMIT");
            foreach (var (partition, next) in _pendingLogCursors)
            {
                _logCursors[partition] = next;
            }

            if (rewritten is not null)
            {
                lock (_memoryLock)
                {
                    rewritten.ApplyTo(_catalog);
                }
            }
        }
        catch
        {
            TryRollback();
            throw;
        }
        finally
        {
            _seriesAppender = null;
            _pointAppender = null;
            _inTransaction = false;
            _pendingRows = 0;
            _pendingLogCursors.Clear();
            _rollups.ClearRows();
            _rewrites.Clear();
        }
    }

    private void TryRollback()
    {
        try
        {
            Execute("ROLLBACK");
        }
        catch (DuckDBException)
        {
            // The transaction is already gone; nothing is left to undo.
        }
    }

    private void AppendRollups(string table, List<RollupRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var appender = _writer.CreateAppender(table);
        foreach (var row in rows)
        {
            appender.CreateRow()
                .AppendValue(row.SeriesId)
                .AppendValue(row.BucketNs)
                .AppendValue(row.Cell.Count)
                .AppendValue(row.Cell.Sum)
                .AppendValue(row.Cell.Min)
                .AppendValue(row.Cell.Max)
                .AppendValue(row.Cell.Last)
                .AppendValue(row.Cell.LastTs)
                .EndRow();
        }
    }

    private SeriesCatalog.Entry AddSeries(SeriesKey series, string field)
    {
        var id = _nextSeriesId++;
        _seriesAppender ??= _writer.CreateAppender("field_series");
        _seriesAppender.CreateRow()
            .AppendValue(id)
            .AppendValue(series.Canonical)
            .AppendValue(series.Measurement)
            .AppendValue(JsonSerializer.Serialize(series.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal)))
            .AppendValue(field)
            .EndRow();
        return _catalog.Add(series, field, id);
    }

    // A series gets a ring on its first point while the budget lasts. It is complete only after the newest point the
    // store already had for it: older minutes may hold points the ring never saw.
    private MinuteRing? GiveRing(SeriesCatalog.Entry entry) =>
        TryGiveRing(entry, entry.LastNs == long.MinValue ? long.MinValue : Resolutions.Minute(entry.LastNs) + 1);

    private MinuteRing? TryGiveRing(SeriesCatalog.Entry entry, long coveredFrom)
    {
        var bytes = MinuteRing.BytesFor(_ringMinutes);
        if (_ringBytes + bytes > _ringBudget)
        {
            return null;
        }

        _ringBytes += bytes;
        SeriesInMemory++;
        return entry.Ring = new MinuteRing(_ringMinutes, coveredFrom);
    }

    // Files written before field series had their own ids (series + points with a field column) move over once.
    private void MigrateFirstLayout()
    {
        if (Scalar(DuckDbSchema.HasFirstLayout) > 0)
        {
            Execute(DuckDbSchema.MigrateFirstLayout);
            LogMigrated(DatabasePath);
        }
    }

    private void AddRollupsIfMissing()
    {
        if (Scalar(DuckDbSchema.HasRollups) > 0)
        {
            return;
        }

        Execute("BEGIN TRANSACTION;\n" + DuckDbSchema.CreateRollups + DuckDbSchema.BuildRollupsFromSamples + "COMMIT;");
        if (Scalar("SELECT count(*) FROM samples") > 0)
        {
            LogRollupsBuilt(DatabasePath);
        }
    }

    private void LoadCatalog()
    {
        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT id, measurement, tags, field FROM field_series";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt32(0);
                var tags = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(2)) ?? [];
                var key = SeriesKey.Create(reader.GetString(1), tags);
                _catalog.Add(key, reader.GetString(3), id);
                _nextSeriesId = Math.Max(_nextSeriesId, id + 1);
            }
        }

        // Counts are of the raw points kept; the newest time may be older than raw retention, so rollups give it.
        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT series_id, count(*), max(ts) FROM samples GROUP BY ALL";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _catalog.FindById(reader.GetInt32(0))?.Record(reader.GetInt64(2), reader.GetInt64(1));
            }
        }

        foreach (var (id, lastNs) in ReadCounts("SELECT series_id, max(last_ts) FROM rollup_1h GROUP BY ALL"))
        {
            _catalog.FindById(id)?.Record(lastNs, 0);
        }

        foreach (var entry in _catalog.Entries.Where(e => e.LastNs != long.MinValue))
        {
            entry.NewestMinuteRow = UnixTime.Floor(entry.LastNs, Resolutions.MinuteNs);
            entry.NewestHourRow = UnixTime.Floor(entry.LastNs, Resolutions.HourNs);
        }
    }

    private void LoadLogCursors()
    {
        foreach (var (partition, next) in ReadCounts("SELECT partition, next FROM log_cursor"))
        {
            _logCursors[partition] = next;
        }
    }

    private void SaveLogCursors()
    {
        foreach (var (partition, next) in _pendingLogCursors)
        {
            Execute(string.Create(CultureInfo.InvariantCulture, $"INSERT OR REPLACE INTO log_cursor VALUES ({partition}, {next})"));
        }
    }

    // Rows of (series id, a number) from a two-column query.
    private List<(int Id, long Value)> ReadCounts(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(int, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt32(0), reader.GetInt64(1)));
        }

        return rows;
    }

    // The recent minutes of every series come back from the 1-minute rollup, series getting rings in the order their
    // first minute in the window comes while the budget lasts; each ring is complete from the start of the window loaded.
    private int LoadRings()
    {
        if (_ringBudget == 0 || _catalog.Count == 0)
        {
            return 0;
        }

        var newest = Scalar("SELECT coalesce(max(bucket), 0) FROM rollup_1m");
        var fromMinute = Resolutions.Minute(newest) - _ringMinutes + 1;
        using var command = _writer.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture, $"""
            SELECT series_id, bucket, sum(cnt), sum(sum), min(min), max(max), arg_max(last, last_ts), max(last_ts)
            FROM rollup_1m WHERE bucket >= {fromMinute * Resolutions.MinuteNs}
            GROUP BY ALL ORDER BY bucket
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (_catalog.FindById(reader.GetInt32(0)) is not { } entry || (entry.Ring ?? TryGiveRing(entry, fromMinute)) is not { } ring)
            {
                continue;
            }

            var cell = new RollupCell
            {
                Count = reader.GetInt64(2),
                Sum = reader.GetDouble(3),
                Min = reader.GetDouble(4),
                Max = reader.GetDouble(5),
                Last = reader.GetDouble(6),
                LastTs = reader.GetInt64(7),
            };
            ring.Merge(Resolutions.Minute(reader.GetInt64(1)), cell);
        }

        // Series with no points in the window get a ring on their next point, complete from then on.
        return SeriesInMemory;
    }

    private long Scalar(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var command = _writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Embedded store at {Path} moved to the field-series layout")]
    private partial void LogMigrated(string path);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Embedded store opened at {Path} with {SeriesCount} field series, {InMemory} with their recent minutes in memory")]
    private partial void LogOpened(string path, int seriesCount, int inMemory);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Embedded store maintenance (commit or compaction) failed")]
    private partial void LogMaintenanceFailed(Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Embedded store at {Path} got its 1-minute and 1-hour rollups built from its points")]
    private partial void LogRollupsBuilt(string path);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Retention applied: raw {Raw}, 1-minute {Minute}, 1-hour {Hour}")]
    private partial void LogRetentionApplied(TimeSpan raw, TimeSpan minute, TimeSpan hour);
}
