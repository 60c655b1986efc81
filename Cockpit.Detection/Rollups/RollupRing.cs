using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Rollups;

/// <summary>
/// The last N buckets of one metric in one district, in a fixed ring: memory never grows, however long the wall
/// runs. A point older than the ring's span is dropped from the live view (the store keeps it).
/// </summary>
internal sealed class RollupRing
{
    private readonly long[] _index;
    private readonly double[] _sum;
    private readonly long[] _count;
    private readonly double[] _max;
    private long _newest = long.MinValue;

    public RollupRing(int capacity)
    {
        _index = new long[capacity];
        Array.Fill(_index, long.MinValue);
        _sum = new double[capacity];
        _count = new long[capacity];
        _max = new double[capacity];
    }

    /// <summary>Index (time / bucket width) of the newest bucket seen.</summary>
    public long Newest => _newest;

    public void Add(long bucketIndex, double value)
    {
        var capacity = _index.Length;
        if (_newest != long.MinValue && bucketIndex <= _newest - capacity)
        {
            return;
        }

        var slot = (int)(((bucketIndex % capacity) + capacity) % capacity);
        if (_index[slot] != bucketIndex)
        {
            _index[slot] = bucketIndex;
            _sum[slot] = 0;
            _count[slot] = 0;
            _max[slot] = double.NegativeInfinity;
        }

        _sum[slot] += value;
        _count[slot]++;
        _max[slot] = Math.Max(_max[slot], value);
        _newest = Math.Max(_newest, bucketIndex);
    }

    /// <summary>Buckets from <paramref name="fromIndex"/> to <paramref name="toIndex"/> inclusive that hold data, oldest first.</summary>
    public void CopyTo(List<RollupBucket> target, long fromIndex, long toIndex, long bucketNs)
    {
        var capacity = _index.Length;
        for (var i = Math.Max(fromIndex, toIndex - capacity + 1); i <= toIndex; i++)
        {
            var slot = (int)(((i % capacity) + capacity) % capacity);
            if (_index[slot] == i)
            {
                target.Add(new RollupBucket(UnixTime.ToDateTimeOffset(i * bucketNs), _sum[slot], _count[slot], _max[slot]));
            }
        }
    }
}
