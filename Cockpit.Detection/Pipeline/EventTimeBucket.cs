using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// Folds one subject's values into event-time buckets. A bucket closes when the first point of a later bucket
/// arrives, so no timer is needed and replayed data behaves exactly like live data. Points older than the open bucket
/// are late: they are reported as such and leave the state untouched (the store still keeps them).
/// </summary>
internal sealed class EventTimeBucket(long bucketNs, BucketAggregate aggregate, double multiplier = 1, double minDivisor = 1)
{
    private long _start = long.MinValue;
    private double _sum;
    private double _max;
    private double _divisor;
    private int _points;

    /// <summary>
    /// Adds a point (of the divisor field when <paramref name="isDivisor"/>); returns what happened and, when a bucket
    /// closed, its start, its aggregate (NaN for a ratio whose divisor stayed below the minimum, or whose dividend never
    /// came: a source sending attempts but no successes has no success rate, not a rate of 0 %) and, for a ratio, its
    /// divisor sum (its number of attempts, which says how certain the ratio is; NaN for other aggregates).
    /// </summary>
    public BucketOutcome Add(long timestampNs, double value, bool isDivisor, out long closedStart, out double closedValue, out double closedDivisor)
    {
        var start = UnixTime.Floor(timestampNs, bucketNs);
        closedStart = 0;
        closedValue = 0;
        closedDivisor = double.NaN;
        if (start < _start)
        {
            return BucketOutcome.Late;
        }

        var outcome = BucketOutcome.Added;
        if (start > _start)
        {
            if (_points > 0 || _divisor > 0)
            {
                closedStart = _start;
                closedValue = aggregate switch
                {
                    BucketAggregate.Mean => _sum / _points,
                    BucketAggregate.Max => _max,
                    BucketAggregate.Ratio => _points > 0 && _divisor >= minDivisor && _divisor > 0 ? multiplier * _sum / _divisor : double.NaN,
                    _ => _sum,
                };
                closedDivisor = aggregate == BucketAggregate.Ratio ? _divisor : double.NaN;
                outcome = BucketOutcome.Closed;
            }

            _start = start;
            _sum = 0;
            _max = double.NegativeInfinity;
            _divisor = 0;
            _points = 0;
        }

        if (isDivisor)
        {
            _divisor += double.IsFinite(value) ? value : 0;
        }
        else if (double.IsFinite(value))
        {
            _sum += value;
            _max = Math.Max(_max, value);
            _points++;
        }

        return outcome;
    }
}

/// <summary>What adding a point to an <see cref="EventTimeBucket"/> did.</summary>
internal enum BucketOutcome
{
    /// <summary>Added to the open bucket.</summary>
    Added,

    /// <summary>Opened a new bucket and closed the previous one.</summary>
    Closed,

    /// <summary>Older than the open bucket; ignored.</summary>
    Late,
}
