namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The last <see cref="Length"/> minutes of one field series as 1-minute cells, kept in memory so that the wall's
/// "last 24 hours" questions never reach the database. A ring is complete from <see cref="FirstCompleteMinute"/>:
/// minutes before it either fell out of the ring or held points the ring never saw (data older than the ring).
/// The cells are stored column by column, so that a sum reads counts and sums only: scanning a thousand series'
/// day is bound by memory bandwidth. Not thread-safe; the store guards it.
/// </summary>
internal sealed class MinuteRing
{
    private readonly long[] _counts;
    private readonly double[] _sums;
    private readonly double[] _mins;
    private readonly double[] _maxs;
    private readonly double[] _lasts;
    private readonly long[] _lastTs;
    private readonly long _coveredFrom;
    private long _head = long.MinValue;

    /// <param name="length">Minutes held.</param>
    /// <param name="coveredFrom">The first minute for which every point will pass through this ring.</param>
    public MinuteRing(int length, long coveredFrom)
    {
        _counts = new long[length];
        _sums = new double[length];
        _mins = new double[length];
        _maxs = new double[length];
        _lasts = new double[length];
        _lastTs = new long[length];
        _coveredFrom = coveredFrom;
    }

    public int Length => _counts.Length;

    /// <summary>Bytes one ring of <paramref name="length"/> minutes takes.</summary>
    public static long BytesFor(int length) => ((long)length * 48) + (6 * 24) + 64;

    /// <summary>The first minute whose cell holds everything the store has for it.</summary>
    public long FirstCompleteMinute => _head == long.MinValue ? _coveredFrom : Math.Max(_coveredFrom, _head - Length + 1);

    public void Add(long minute, double value, long timestampNs)
    {
        if (!Advance(minute))
        {
            return;
        }

        var i = Slot(minute);
        if (_counts[i] == 0)
        {
            _counts[i] = 1;
            _sums[i] = _mins[i] = _maxs[i] = _lasts[i] = value;
            _lastTs[i] = timestampNs;
            return;
        }

        _counts[i]++;
        _sums[i] += value;
        _mins[i] = Math.Min(_mins[i], value);
        _maxs[i] = Math.Max(_maxs[i], value);
        if (timestampNs >= _lastTs[i])
        {
            _lasts[i] = value;
            _lastTs[i] = timestampNs;
        }
    }

    public void Merge(long minute, in RollupCell cell)
    {
        if (cell.IsEmpty || !Advance(minute))
        {
            return;
        }

        var i = Slot(minute);
        var merged = At(i);
        merged.Merge(cell);
        _counts[i] = merged.Count;
        _sums[i] = merged.Sum;
        _mins[i] = merged.Min;
        _maxs[i] = merged.Max;
        _lasts[i] = merged.Last;
        _lastTs[i] = merged.LastTs;
    }

    /// <summary>
    /// Sets a minute to <paramref name="cell"/>, which holds everything the store has for it: after a commit rebuilt
    /// the minute because a point replaced one it already had (a ring only ever adds, so it cannot take a point out).
    /// </summary>
    public void Replace(long minute, in RollupCell cell)
    {
        if (!Advance(minute))
        {
            return;
        }

        var i = Slot(minute);
        _counts[i] = cell.Count;
        _sums[i] = cell.Sum;
        _mins[i] = cell.Min;
        _maxs[i] = cell.Max;
        _lasts[i] = cell.Last;
        _lastTs[i] = cell.LastTs;
    }

    /// <summary>
    /// Merges minutes [<paramref name="fromMinute"/>, <paramref name="toMinute"/>) into <paramref name="buckets"/>: cells
    /// of consecutive buckets of <paramref name="minutesPerBucket"/> minutes, the first starting at
    /// <paramref name="firstBucketMinute"/>; only what <paramref name="aggregate"/> needs is read.
    /// </summary>
    public void MergeInto(Aggregate aggregate, long fromMinute, long toMinute, long firstBucketMinute, long minutesPerBucket, RollupCell[] buckets)
    {
        // Only the minutes the ring holds (and holds completely) can contribute.
        fromMinute = Math.Max(fromMinute, FirstCompleteMinute);
        toMinute = Math.Min(toMinute, _head + 1);
        for (var minute = fromMinute; minute < toMinute; minute++)
        {
            var i = Slot(minute);
            var count = _counts[i];
            if (count == 0)
            {
                continue;
            }

            ref var bucket = ref buckets[(minute - firstBucketMinute) / minutesPerBucket];
            switch (aggregate)
            {
                case Aggregate.Sum or Aggregate.Mean or Aggregate.Count:
                    bucket.Count += count;
                    bucket.Sum += _sums[i];
                    break;
                case Aggregate.Min:
                    bucket.Min = bucket.Count == 0 ? _mins[i] : Math.Min(bucket.Min, _mins[i]);
                    bucket.Count += count;
                    break;
                case Aggregate.Max:
                    bucket.Max = bucket.Count == 0 ? _maxs[i] : Math.Max(bucket.Max, _maxs[i]);
                    bucket.Count += count;
                    break;
                default:
                    bucket.Merge(At(i));
                    break;
            }
        }
    }

    private RollupCell At(int slot) => new()
    {
        Count = _counts[slot],
        Sum = _sums[slot],
        Min = _mins[slot],
        Max = _maxs[slot],
        Last = _lasts[slot],
        LastTs = _lastTs[slot],
    };

    // Moves the head forward to a newer minute (clearing the minutes it passes); false when the minute is not held.
    private bool Advance(long minute)
    {
        if (minute < _coveredFrom)
        {
            return false;
        }

        if (_head == long.MinValue)
        {
            _head = minute;
            return true;
        }

        if (minute > _head)
        {
            if (minute - _head >= Length)
            {
                Array.Clear(_counts);
            }
            else
            {
                for (var m = _head + 1; m <= minute; m++)
                {
                    _counts[Slot(m)] = 0;
                }
            }

            _head = minute;
            return true;
        }

        return minute > _head - Length;
    }

    private int Slot(long minute)
    {
        var slot = (int)(minute % Length);
        return slot < 0 ? slot + Length : slot;
    }
}
