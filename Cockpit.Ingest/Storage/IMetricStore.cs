using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage;

/// <summary>
/// Where points are kept and asked about. Implementations buffer appends and make them durable within
/// their documented flush window; queries see what has been flushed. The embedded store and the InfluxDB store
/// answer every question the same way (one contract test suite runs against both).
/// </summary>
public interface IMetricStore : IAsyncDisposable
{
    /// <summary>Buffers points for writing. Called from the store's log consumer only, never concurrently.</summary>
    void Append(ReadOnlySpan<MetricPoint> points);

    /// <summary>
    /// Buffers points read from the ingest log: with them, every record of <paramref name="partition"/> before
    /// <paramref name="next"/> is in the store. A store that commits this position with the points reports it in
    /// <see cref="LogCursors"/> and resumes there after a crash; the default forgets it.
    /// </summary>
    void Append(ReadOnlySpan<MetricPoint> points, int partition, long next) => Append(points);

    /// <summary>Where the store's committed points end in each log partition; empty when it does not keep that.</summary>
    IReadOnlyDictionary<int, long> LogCursors => new Dictionary<int, long>();

    /// <summary>Makes every appended point durable and visible to queries.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Aggregates one field over time buckets, optionally grouped by tags.</summary>
    Task<QueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken);

    /// <summary>The known field series, optionally of one measurement, ordered by measurement, tags and field.</summary>
    Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(string? measurement, CancellationToken cancellationToken);

    /// <summary>The distinct values of one tag key within a measurement, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListTagValuesAsync(string measurement, string tagKey, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes what is older than <see cref="StoreOptions.Retention"/> allows, as of the store's clock. Nothing
    /// older than the longest retention survives in any store; the embedded store also keeps each resolution only
    /// as long as its own retention.
    /// </summary>
    Task ApplyRetentionAsync(CancellationToken cancellationToken);
}
