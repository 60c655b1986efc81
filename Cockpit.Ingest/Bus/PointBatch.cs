using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Bus;

/// <summary>A queued batch: the first <paramref name="Count"/> points of <paramref name="Array"/>.</summary>
/// <param name="Array">The points; may be longer than <paramref name="Count"/> when pooled.</param>
/// <param name="Count">How many points are in the batch.</param>
/// <param name="Pooled">Whether the array goes back to the pool once dispatched.</param>
internal readonly record struct PointBatch(MetricPoint[] Array, int Count, bool Pooled)
{
    public Span<MetricPoint> Points => Array.AsSpan(0, Count);
}
