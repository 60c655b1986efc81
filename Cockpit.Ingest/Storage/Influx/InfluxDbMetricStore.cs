using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// Keeps points in an InfluxDB (1.x, or 2.x/3.x through v1 compatibility) over its v1 HTTP API. Appends are encoded
/// to line protocol in memory and never wait for the network: batches of <see cref="InfluxDbStoreOptions.BatchLines"/>
/// lines (or whatever <see cref="InfluxDbStoreOptions.BatchInterval"/> gathered) are sent in order by a background
/// sender, and wait in a bounded on-disk spool (<c>DataDir/influx-spool</c>) while InfluxDB is unreachable or slower
/// than ingest. Queries are InfluxQL and answer like the embedded store.
/// <para>
/// Differences from the embedded store: <see cref="SeriesInfo.PointCount"/> counts what InfluxDB holds (points still
/// in memory or in the spool are not counted yet), and a point written twice with one series, field and timestamp is
/// stored once (InfluxDB overwrites it). Retention is better left to an InfluxDB retention policy; see
/// <see cref="ApplyRetentionAsync"/>.
/// </para>
/// </summary>
public sealed class InfluxDbMetricStore : IMetricStore
{
    /// <summary>The name of the <see cref="HttpClient"/> the store asks <see cref="IHttpClientFactory"/> for.</summary>
    public const string HttpClientName = "Cockpit.InfluxDb";

    // Fields per request when listing series: two statements each, in one round trip.
    private const int FieldsPerStatisticsRequest = 50;

    private readonly StoreOptions _options;
    private readonly InfluxDbStoreOptions _influx;
    private readonly InfluxDbV1Api _api;
    private readonly InfluxDbSpool _spool;
    private readonly InfluxDbBatchSender _sender;
    private readonly LineProtocolBatcher _batcher;
    private readonly ITimer _batchTimer;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<InfluxDbMetricStore> _logger;
    private int _disposed;

    public InfluxDbMetricStore(
        IOptions<CockpitOptions> cockpit,
        IOptions<StoreOptions> options,
        IHttpClientFactory httpClientFactory,
        InfluxDbStoreStatus status,
        TimeProvider timeProvider,
        ILogger<InfluxDbMetricStore> logger)
    {
        _options = options.Value;
        _influx = _options.InfluxDb;
        _timeProvider = timeProvider;
        _logger = logger;
        _api = new InfluxDbV1Api(httpClientFactory, HttpClientName, _influx);
        SpoolPath = Path.Combine(cockpit.Value.ResolveDataDir(), InfluxDbSpool.FolderName);
        _spool = new InfluxDbSpool(SpoolPath, _influx.SpoolMaxBytes, _influx.SpoolMaxAge, status, timeProvider, logger);
        _sender = new InfluxDbBatchSender(_api, _spool, _influx, status, timeProvider, logger);
        _batcher = new LineProtocolBatcher(_influx.BatchLines, _spool.NextSequence, _sender.Enqueue);
        InfluxDbStoreLog.Opened(
            logger, _api.DisplayUrl, _influx.Database, string.IsNullOrEmpty(_influx.RetentionPolicy) ? "(default)" : _influx.RetentionPolicy, _api.Authentication);
        _sender.Start();
        _batchTimer = timeProvider.CreateTimer(_ => SealOnTimer(), null, _influx.BatchInterval, _influx.BatchInterval);
    }

    /// <summary>The spool's folder.</summary>
    public string SpoolPath { get; }

    public void Append(ReadOnlySpan<MetricPoint> points)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _batcher.Append(points);
    }

    /// <summary>
    /// Sends what was appended and waits until InfluxDB has it (visible to queries) — or, while InfluxDB is
    /// unreachable or behind by more than <see cref="InfluxDbStoreOptions.FlushTimeout"/>, until it is in the spool.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _disposed) != 0
            ? Task.CompletedTask // Disposing flushed already, and a stopped sender would never answer.
            : _sender.FlushAsync(_batcher.Seal(), cancellationToken);

    public async Task<QueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        query.Validate();
        if (InfluxQl.Select(query, _influx.RetentionPolicy) is not { } statement)
        {
            return new QueryResult([]);
        }

        var statements = await _api.QueryAsync(statement, cancellationToken).ConfigureAwait(false);
        var groups = new List<(string[] Key, QuerySeries Series)>();
        foreach (var series in statements.FirstOrDefault() ?? [])
        {
            var key = query.GroupBy.Select(k => series.Tags.GetValueOrDefault(k) ?? string.Empty).ToArray();
            var points = series.Rows
                .Select(row => new BucketValue(UnixTime.ToDateTimeOffset(row[0].Integer), row[1].IsNull ? double.NaN : row[1].Number))
                .ToList();
            var group = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < key.Length; i++)
            {
                group[query.GroupBy[i]] = key[i];
            }

            groups.Add((key, new QuerySeries(group, points)));
        }

        // InfluxDB orders groups by its own series keys (tag keys sorted); the contract orders by the values of the
        // group-by keys in the order asked for.
        groups.Sort(static (a, b) =>
        {
            for (var i = 0; i < a.Key.Length; i++)
            {
                var byValue = string.CompareOrdinal(a.Key[i], b.Key[i]);
                if (byValue != 0)
                {
                    return byValue;
                }
            }

            return 0;
        });
        return new QueryResult([.. groups.Select(g => g.Series)]);
    }

    public async Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(string? measurement, CancellationToken cancellationToken)
    {
        var fieldKeys = await _api.QueryAsync(InfluxQl.ShowFieldKeys(measurement, _influx.RetentionPolicy), cancellationToken).ConfigureAwait(false);
        var fields = new List<(string Measurement, string Field)>();
        foreach (var series in fieldKeys.FirstOrDefault() ?? [])
        {
            foreach (var row in series.Rows)
            {
                // Numbers only, as Cockpit stores them; string and boolean fields written by others are not series to chart.
                if (row[0].Text is { } field && row[1].Text is "float" or "integer")
                {
                    fields.Add((series.Name, field));
                }
            }
        }

        var result = new List<SeriesInfo>();
        foreach (var chunk in fields.Chunk(FieldsPerStatisticsRequest))
        {
            var statements = string.Join("; ", chunk.Select(f => InfluxQl.FieldStatistics(f.Measurement, f.Field, _influx.RetentionPolicy)));
            var answers = await _api.QueryAsync(statements, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var counts = answers.ElementAtOrDefault(2 * i) ?? [];
                var lasts = (answers.ElementAtOrDefault((2 * i) + 1) ?? []).ToDictionary(s => TagSetKey(s.Tags), s => s.Rows[0][0].Integer, StringComparer.Ordinal);
                foreach (var series in counts)
                {
                    var count = series.Rows.Count > 0 ? series.Rows[0][1].Integer : 0;
                    if (count > 0 && lasts.TryGetValue(TagSetKey(series.Tags), out var lastNs))
                    {
                        // GROUP BY * reports every tag key of the measurement, "" where a series lacks it.
                        var tags = series.Tags.Where(t => t.Value.Length > 0).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
                        result.Add(new SeriesInfo(chunk[i].Measurement, tags, chunk[i].Field, count, UnixTime.ToDateTimeOffset(lastNs)));
                    }
                }
            }
        }

        result.Sort(SeriesInfoOrder.Compare);
        return result;
    }

    public async Task<IReadOnlyList<string>> ListTagValuesAsync(string measurement, string tagKey, CancellationToken cancellationToken)
    {
        var answers = await _api.QueryAsync(InfluxQl.ShowTagValues(measurement, tagKey, _influx.RetentionPolicy), cancellationToken).ConfigureAwait(false);
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var series in answers.FirstOrDefault() ?? [])
        {
            foreach (var row in series.Rows)
            {
                if (row.Length > 1 && row[1].Text is { Length: > 0 } value)
                {
                    values.Add(value);
                }
            }
        }

        return [.. values];
    }

    /// <summary>
    /// Deletes every point older than <see cref="RetentionOptions.Longest"/> as of the store's clock, with InfluxQL's
    /// <c>DELETE</c> (all measurements and retention policies of the database). A backstop only: deleting by time
    /// is costly in InfluxDB, which expires whole shards cheaply — operators should give the database a retention
    /// policy of about the same duration (<c>CREATE RETENTION POLICY … DURATION 730d … DEFAULT</c>).
    /// </summary>
    public async Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var cutoff = _timeProvider.GetUtcNow() - _options.Retention.Longest;
        await _api.QueryAsync(InfluxQl.DeleteBefore(cutoff), cancellationToken).ConfigureAwait(false);
        InfluxDbStoreLog.RetentionApplied(_logger, cutoff, _influx.Database);
    }

    /// <summary>Sends what is pending (waiting up to <see cref="InfluxDbStoreOptions.FlushTimeout"/>), spools the rest, stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _batchTimer.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _sender.FlushAsync(_batcher.Close(), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _sender.DisposeAsync().ConfigureAwait(false);
            if (_spool.Count > 0)
            {
                InfluxDbStoreLog.StoppedWithSpool(_logger, _spool.Count, _spool.Bytes, SpoolPath);
            }
        }
    }

    private void SealOnTimer()
    {
        try
        {
            if (Volatile.Read(ref _disposed) == 0 && _batcher.OpenLines > 0)
            {
                _batcher.Seal();
            }
        }
        catch (Exception ex)
        {
            // Thrown out of a timer callback it would end the process; the next tick or flush seals the batch.
            InfluxDbStoreLog.SealFailed(_logger, ex);
        }
    }

    private static string TagSetKey(IReadOnlyDictionary<string, string> tags) =>
        string.Join('\0', tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "\0" + t.Value));
}
