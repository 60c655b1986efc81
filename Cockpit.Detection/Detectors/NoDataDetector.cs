using System.Runtime.CompilerServices;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// Silence: how long since a series last delivered, against its usual interval. Not an <see cref="ISeriesDetector"/>:
/// silence has no points to be fed, so it is evaluated on a timer. The usual interval is the median of the last
/// <see cref="RememberedGaps"/> gaps between event timestamps (robust to one long outage); silence is measured in
/// arrival time, since that is when a point would have been seen. Score: <see cref="AnomalyScale"/> of
/// silence / usual interval with the edge at <see cref="NoDataDetectorOptions.K"/>. State: 80 B, gaps inline.
/// </summary>
public sealed class NoDataDetector : ISilenceDetector
{
    /// <summary>Gaps the usual interval is the median of.</summary>
    public const int RememberedGaps = 8;

    // Gaps are kept as float microseconds: round intervals (a second, a minute, an hour, a day) are then exact, so
    // silence of exactly K intervals scores exactly 0.5, and sub-microsecond gaps still are not 0.
    private const double NanosPerMicro = 1_000;

    private readonly NoDataDetectorOptions _options;
    private long _lastEventNs = long.MinValue;
    private long _lastArrivalNs = long.MinValue;
    private GapRing _gaps;
    private float _usualGapUs;
    private byte _count;
    private byte _next;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public NoDataDetector(NoDataDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The usual interval between points in nanoseconds; NaN until enough gaps were seen.</summary>
    public double UsualIntervalNs => _count >= _options.MinGaps ? _usualGapUs * NanosPerMicro : double.NaN;

    /// <summary>Bytes of state this instance holds, object header included.</summary>
    // Fields: a reference, two longs, eight inline floats, a float and two bytes.
    public int StateBytes => StateSize.Object(8 + (2 * 8) + (RememberedGaps * sizeof(float)) + sizeof(float) + 2);

    /// <summary>
    /// Notes a point with event time <paramref name="eventTimestampNs"/> that arrived at <paramref name="arrivalNs"/>.
    /// Only a point newer than every earlier one adds a gap; equal timestamps (several fields of one sample) and late
    /// points add none, but any arrival shows the series is alive.
    /// </summary>
    public void Observe(long eventTimestampNs, long arrivalNs)
    {
        _lastArrivalNs = Math.Max(_lastArrivalNs, arrivalNs);
        if (_lastEventNs != long.MinValue && eventTimestampNs > _lastEventNs)
        {
            AddGap(eventTimestampNs - _lastEventNs);
        }

        _lastEventNs = Math.Max(_lastEventNs, eventTimestampNs);
    }

    /// <summary>
    /// Scores the silence at <paramref name="nowNs"/>: Up is the score, Down 0, Expected the usual interval, Upper the
    /// silence that scores 0.5 (both in nanoseconds). <see cref="DetectorReading.None"/> until enough gaps were seen.
    /// </summary>
    public DetectorReading Evaluate(long nowNs)
    {
        if (_count < _options.MinGaps)
        {
            return DetectorReading.None;
        }

        var usualNs = _usualGapUs * NanosPerMicro;
        var silenceNs = Math.Max(0, nowNs - _lastArrivalNs);
        var score = AnomalyScale.Score(silenceNs / usualNs, _options.K, _options.Sensitivity);
        var edgeNs = AnomalyScale.EdgeEvidence(_options.K, _options.Sensitivity) * usualNs;
        return new DetectorReading(score, 0, usualNs, double.NaN, edgeNs);
    }

    private void AddGap(long gapNs)
    {
        _gaps[_next] = (float)(gapNs / NanosPerMicro);
        _next = (byte)((_next + 1) % RememberedGaps);
        if (_count < RememberedGaps)
        {
            _count++;
        }

        // The median is kept rather than the gaps re-sorted on every evaluation; sorting a stack copy allocates nothing.
        Span<float> sorted = stackalloc float[RememberedGaps];
        sorted = sorted[.._count];
        ((ReadOnlySpan<float>)_gaps)[.._count].CopyTo(sorted);
        sorted.Sort();
        var middle = _count / 2;
        _usualGapUs = _count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    // Eight floats inside the object rather than a separate array: saves the array's header and reference.
    [InlineArray(RememberedGaps)]
    private struct GapRing
    {
        private float _element;
    }
}
