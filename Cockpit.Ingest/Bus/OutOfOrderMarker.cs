using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// Marks points older than the newest point already dispatched for their field series as
/// <see cref="PointFlags.OutOfOrder"/>. They are still stored; detection decides what to do with them.
/// Used by the single dispatcher thread only, so it needs no locking.
/// </summary>
internal sealed class OutOfOrderMarker(int maxTracked)
{
    private readonly Dictionary<(SeriesKey Series, string Field), long> _newest = [];

    /// <summary>Field series whose newest timestamp is remembered.</summary>
    public int Tracked => _newest.Count;

    public void Mark(Span<MetricPoint> points)
    {
        foreach (ref var point in points)
        {
            ref var newest = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                _newest, (point.Series, point.Field), out var known);
            if (!known)
            {
                newest = point.TimestampNs;
                if (_newest.Count > maxTracked)
                {
                    // Bounded memory beats perfect marking: start over rather than grow without limit.
                    _newest.Clear();
                }
            }
            else if (point.TimestampNs < newest)
            {
                point = point with { Flags = point.Flags | PointFlags.OutOfOrder };
            }
            else
            {
                newest = point.TimestampNs;
            }
        }
    }
}
