using System.Runtime.InteropServices;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The points appended since the last commit that may replace a stored point: those at or before the newest time their
/// field series already had. A newer point cannot replace anything, so in-order ingest never comes here. Keyed by field
/// series and time, so that a later write of the same key in the same transaction replaces the earlier one, as the last
/// write wins; <see cref="RewriteCommit"/> settles them against the file at commit. Not thread-safe; the store guards it.
/// </summary>
internal sealed class PendingRewrites
{
    // A backfill into a live series can fill this with a whole commit's worth of points; past this size the table is
    // given back after the commit instead of being kept for the next one.
    private const int KeptCapacity = 16_384;

    private readonly Dictionary<(int SeriesId, long TimestampNs), double> _points = [];

    public int Count => _points.Count;

    /// <summary>The oldest time among the points, which bounds what the commit has to read.</summary>
    public long MinTimestampNs { get; private set; } = long.MaxValue;

    /// <summary>The newest time among the points.</summary>
    public long MaxTimestampNs { get; private set; } = long.MinValue;

    /// <summary>Keeps the point, replacing one of the same key appended earlier in this transaction.</summary>
    /// <returns>False when the key was already pending, i.e. the point is not one more point of its series.</returns>
    public bool Add(int seriesId, long timestampNs, double value)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_points, (seriesId, timestampNs), out var existed);
        slot = value;
        MinTimestampNs = Math.Min(MinTimestampNs, timestampNs);
        MaxTimestampNs = Math.Max(MaxTimestampNs, timestampNs);
        return !existed;
    }

    public Dictionary<(int SeriesId, long TimestampNs), double>.Enumerator GetEnumerator() => _points.GetEnumerator();

    /// <summary>Forgets the points once committed (or rolled back).</summary>
    public void Clear()
    {
        if (_points.Count == 0)
        {
            return;
        }

        var grown = _points.Count > KeptCapacity;
        _points.Clear();
        if (grown)
        {
            _points.TrimExcess(KeptCapacity);
        }

        MinTimestampNs = long.MaxValue;
        MaxTimestampNs = long.MinValue;
    }
}
