namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The newest timestamps a field series was given in this process (up to 32, all of them above a floor), so that a
/// point older than the series' newest one can often be told to be new — not a rewrite of a stored point — without the
/// commit's rewrite path. Concurrent writers deliver batches a little out of order; their late points are then
/// appended like in-order ones. Every timestamp above the floor that the store holds for the series is in the set:
/// the floor starts at the series' newest time when the set is made and rises past whatever the set lets go.
/// </summary>
internal sealed class RecentTimestamps(long floor)
{
    private const int Capacity = 32;
    private readonly long[] _timestamps = new long[Capacity];
    private long _floor = floor;
    private int _count;

    /// <summary>Bytes one set takes on the heap.</summary>
    public const int Bytes = 24 + 8 + 4 + 8 + 24 + (Capacity * 8);

    /// <summary>True when no point of the series is stored (or pending) at this time.</summary>
    public bool IsNew(long timestampNs) => timestampNs > _floor && Array.IndexOf(_timestamps, timestampNs, 0, _count) < 0;

    /// <summary>Records that the series now has a point at this time.</summary>
    public void Add(long timestampNs)
    {
        if (timestampNs <= _floor || Array.IndexOf(_timestamps, timestampNs, 0, _count) >= 0)
        {
            return;
        }

        if (_count < Capacity)
        {
            _timestamps[_count++] = timestampNs;
            return;
        }

        // Full: the oldest time goes (this one, if it is the oldest), and the floor rises to it.
        var oldest = 0;
        for (var i = 1; i < _count; i++)
        {
            if (_timestamps[i] < _timestamps[oldest])
            {
                oldest = i;
            }
        }

        if (timestampNs < _timestamps[oldest])
        {
            _floor = timestampNs;
            return;
        }

        _floor = _timestamps[oldest];
        _timestamps[oldest] = timestampNs;
    }
}
