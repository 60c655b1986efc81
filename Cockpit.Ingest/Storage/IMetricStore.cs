using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage;

/// <summary>
/// Where points are kept and asked about. Implementations buffer appends and make them durable within
/// their documented flush window; queries see what has been flushed.
/// </summary>
public interface IMetricStore : IAsyncDisposable
{
    /// <summary>Buffers points for writing. Called from the ingest dispatcher only.</summary>
    void Append(ReadOnlySpan<MetricPoint> points);

    /// <summary>Makes every appended point durable and visible to queries.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Aggregates one field over time buckets, optionally grouped by tags.</summary>
    Task<QueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken);

    /// <summary>The known field series, optionally of one measurement.</summary>
    Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(string? measurement, CancellationToken cancellationToken);
}
