using System.Text.Json;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The default store: a DuckDB file in <c>DataDir</c>. Appends go to DuckDB appenders, which only make rows
/// visible (and durable) when disposed, so the store commits every <see cref="StoreOptions.FlushInterval"/>
/// (and early when <see cref="StoreOptions.FlushRows"/> are pending). Queries run on their own connections.
/// </summary>
public sealed partial class DuckDbMetricStore : IMetricStore
{
    private readonly Lock _writeLock = new();
    private readonly string _connectionString;
    private readonly DuckDBConnection _writer;
    private readonly SeriesCatalog _catalog = new();
    private readonly ITimer _flushTimer;
    private readonly StoreOptions _options;
    private readonly ILogger<DuckDbMetricStore> _logger;
    private DuckDBAppender? _pointAppender;
    private DuckDBAppender? _seriesAppender;
    private int _nextSeriesId = 1;
    private int _pendingRows;
    private bool _disposed;

    public DuckDbMetricStore(
        IOptions<CockpitOptions> cockpit,
        IOptions<StoreOptions> options,
        TimeProvider timeProvider,
        ILogger<DuckDbMetricStore> logger)
    {
        _options = options.Value;
        _logger = logger;
        var dataDir = cockpit.Value.ResolveDataDir();
        Directory.CreateDirectory(dataDir);
        DatabasePath = Path.Combine(dataDir, DuckDbSchema.FileName);
        _connectionString = $"Data Source={DatabasePath}";
        _writer = new DuckDBConnection(_connectionString);
        _writer.Open();
        Execute(_writer, DuckDbSchema.Create);
        MigrateFirstLayout();
        LoadCatalog();
        LogOpened(DatabasePath, _catalog.Count);
        _flushTimer = timeProvider.CreateTimer(_ => FlushOnTimer(), null, _options.FlushInterval, _options.FlushInterval);
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    public void Append(ReadOnlySpan<MetricPoint> points)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _pointAppender ??= _writer.CreateAppender("samples");
            foreach (ref readonly var point in points)
            {
                var series = _catalog.Find(point.Series, point.Field) ?? AddSeries(point.Series, point.Field);
                _pointAppender.CreateRow()
                    .AppendValue(series.Id)
                    .AppendValue(point.TimestampNs)
                    .AppendValue(point.Value)
                    .EndRow();
                series.Record(point.TimestampNs);
            }

            _pendingRows += points.Length;
            if (_pendingRows >= _options.FlushRows)
            {
                CommitLocked();
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
        var (sql, parameters) = DuckDbQueryBuilder.Build(query);
        using var connection = new DuckDBConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(name, value));
        }

        var groups = new List<QuerySeries>();
        var groupCount = query.GroupBy.Count;
        string[]? currentGroup = null;
        List<BucketValue>? points = null;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var group = new string[groupCount];
            for (var i = 0; i < groupCount; i++)
            {
                group[i] = reader.GetString(i);
            }

            if (currentGroup is null || !group.AsSpan().SequenceEqual(currentGroup))
            {
                currentGroup = group;
                points = [];
                groups.Add(new QuerySeries(ToGroup(query.GroupBy, group), points));
            }

            var bucketNs = reader.GetInt64(groupCount);
            var value = reader.IsDBNull(groupCount + 1) ? double.NaN : reader.GetDouble(groupCount + 1);
            points!.Add(new BucketValue(UnixTime.ToDateTimeOffset(bucketNs), value));
        }

        return Task.FromResult(new QueryResult(groups));
    }

    public Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(string? measurement, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            return Task.FromResult<IReadOnlyList<SeriesInfo>>(_catalog.List(measurement));
        }
    }

    public Task<IReadOnlyList<string>> ListTagValuesAsync(string measurement, string tagKey, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            return Task.FromResult<IReadOnlyList<string>>(_catalog.TagValues(measurement, tagKey));
        }
    }

    public Task ApplyRetentionAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public ValueTask DisposeAsync()
    {
        _flushTimer.Dispose();
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

    private void FlushOnTimer()
    {
        try
        {
            lock (_writeLock)
            {
                if (!_disposed && _pendingRows > 0)
                {
                    CommitLocked();
                }
            }
        }
        catch (Exception ex)
        {
            LogFlushFailed(ex);
        }
    }

    // Disposing an appender commits its rows; series go first so that no committed point lacks its series.
    private void CommitLocked()
    {
        _seriesAppender?.Dispose();
        _seriesAppender = null;
        _pointAppender?.Dispose();
        _pointAppender = null;
        _pendingRows = 0;
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

    // Files written before field series had their own ids (series + points with a field column) move over once.
    private void MigrateFirstLayout()
    {
        using var check = _writer.CreateCommand();
        check.CommandText = DuckDbSchema.HasFirstLayout;
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            Execute(_writer, DuckDbSchema.MigrateFirstLayout);
            LogMigrated(DatabasePath);
        }
    }

    private void LoadCatalog()
    {
        var byId = new Dictionary<int, SeriesCatalog.Entry>();
        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT id, measurement, tags, field FROM field_series";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var id = reader.GetInt32(0);
                var tags = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(2)) ?? [];
                var key = SeriesKey.Create(reader.GetString(1), tags);
                byId[id] = _catalog.Add(key, reader.GetString(3), id);
                _nextSeriesId = Math.Max(_nextSeriesId, id + 1);
            }
        }

        using (var command = _writer.CreateCommand())
        {
            command.CommandText = "SELECT series_id, count(*), max(ts) FROM samples GROUP BY ALL";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (byId.TryGetValue(reader.GetInt32(0), out var entry))
                {
                    entry.Record(reader.GetInt64(2), reader.GetInt64(1));
                }
            }
        }
    }

    private static Dictionary<string, string> ToGroup(IReadOnlyList<string> keys, string[] values)
    {
        var group = new Dictionary<string, string>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            group[keys[i]] = values[i];
        }

        return group;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Embedded store at {Path} moved to the field-series layout")]
    private partial void LogMigrated(string path);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Embedded store opened at {Path} with {SeriesCount} field series")]
    private partial void LogOpened(string path, int seriesCount);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Committing buffered points to the embedded store failed")]
    private partial void LogFlushFailed(Exception exception);
}
