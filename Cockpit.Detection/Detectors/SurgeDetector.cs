using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// Spikes and surges: a robust z of each value against the median and a trimmed absolute deviation of the last
/// <see cref="SurgeDetectorOptions.Window"/> values, robust to the very outliers it looks for. The scale is floored
/// (<see cref="NoiseFloor"/>) so flat and count series do not alarm on tiny changes. Anomalous values, and values close
/// to anomalous, stay out of the window so a surge does not become its own baseline; after half a window of them in a
/// row the window is moved to their mean level and they are admitted, so a lasting level shift stops alarming.
/// Value-agnostic: fed residuals against a seasonal baseline it scores deviations from the season. Expected is the
/// median, the band median ± edge × scale. State is one ring of 16-bit offsets from an anchor (208 B at 64 values).
/// </summary>
public sealed class SurgeDetector : ISeriesDetector
{
    // σ comes from the mean of the smallest 90 % of absolute deviations from the median, not from their median (MAD):
    // at 64 values it is about twice as efficient, which makes false alarms on pure noise ~4 times rarer at the same
    // edge, and it only collapses to 0 once 90 % of the window is one value instead of half. It needs no more
    // robustness than that: values near or beyond the edge never enter the window.
    private const double KeptDeviations = 0.9;

    // Values scoring from here (a z of 0.64 × the edge, 3.5σ by default) are kept out of the window though they do not
    // alarm: otherwise the first points of a step just below the edge enter the window, widen its scale and hide the
    // rest of the step. Pure noise gets there once in ~2 500 points, too rarely to bias the scale.
    private const double SuspectScore = 0.25;

    private readonly SurgeDetectorOptions _options;
    private readonly WideFloat16[] _window;
    private long _newestNs = long.MinValue;
    private float _runSum;
    private int _keptOutInARow;

    // The window keeps each value as its offset from the first value in a WideFloat16: half a float's bytes, precise
    // to 2^-9 of the offset. Residuals from a seasonal baseline start at 0, so they are kept to 2^-9 of themselves;
    // raw values are kept to 2^-9 of their distance from the first, far finer than of the value on a high level. The
    // anchor never moves: a value equal to one kept must be kept equal to it, as when the window has no spread any
    // difference is infinitely anomalous, and re-anchoring would round the values kept differently from new ones.
    private float _anchor;
    private ushort _next;

    // Until the ring is full its values sit at 0.._next-1.
    private bool _full;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public SurgeDetector(SurgeDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Window, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Window, DetectorContext.MaxLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinHistory, 3);
        _options = options;
        _window = new WideFloat16[options.Window];
    }

    /// <inheritdoc />
    // Fields: two references, a long, two floats, an int, a ushort and a flag.
    public int StateBytes => StateSize.Object((2 * 8) + 8 + (2 * 4) + 4 + 2 + 1) + StateSize.Array(_window.Length, 2);

    /// <inheritdoc />
    public DetectorReading Observe(long timestampNs, double value, DetectorContext context) =>
        Observe(timestampNs, value, double.NaN, hold: false, context);

    /// <inheritdoc />
    public DetectorReading Observe(long timestampNs, double value, double noise, bool hold, DetectorContext context)
    {
        // Values are kept at float precision at most (a value beyond float range counts as non-finite).
        var point = (float)value;
        if (!float.IsFinite(point) || timestampNs < _newestNs)
        {
            return DetectorReading.None;
        }

        _newestNs = timestampNs;
        if (Count < Math.Min(_options.MinHistory, _window.Length))
        {
            Add(point);
            return DetectorReading.None;
        }

        var (median, scale) = Baseline(context);
        if (noise > scale)
        {
            scale = noise;
        }

        // Judged as the window would keep it: a value equal to kept ones (a constant series) then equals their median
        // exactly instead of differing by a rounding error.
        var z = NoiseFloor.Standardise(Kept(Offset(point)) - median, scale);
        var halfWidth = AnomalyScale.EdgeEvidence(_options.EdgeZ, _options.Sensitivity) * scale;
        var reading = AnomalyScale.Signed(z, _options.EdgeZ, _options.Sensitivity, median, median - halfWidth, median + halfWidth);
        // A held value is part of an incident under way: like a suspect one it stays out of the window, and it counts
        // towards the run after which a lasting level is accepted as the new normal.
        Learn(point, median, suspect: hold || reading.Score(Direction.Both) >= SuspectScore);
        return reading;
    }

    private int Count => _full ? _window.Length : _next;

    private (double Median, double Scale) Baseline(DetectorContext context)
    {
        // Sorting in place is fine: it is the context's copy.
        var count = Count;
        var data = context.Buffer(count);
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            data[i] = Kept(_window[i]);
            sum += data[i];
        }

        Array.Sort(data);
        var median = SortedArrayStatistics.Median(data);
        for (var i = 0; i < count; i++)
        {
            data[i] = Math.Abs(data[i] - median);
        }

        Array.Sort(data);
        var kept = (int)Math.Ceiling(KeptDeviations * count);
        var trimmedSum = 0.0;
        for (var i = 0; i < kept; i++)
        {
            trimmedSum += data[i];
        }

        // The count floor takes the larger of median and mean: on a mostly-zero series the median is 0 but the
        // occasional events still set the Poisson noise level.
        var level = _options.CountData ? Math.Max(median, sum / count) : median;
        var sigma = TrimmedDeviationToSigma(kept, count) * trimmedSum / kept;
        return (median, NoiseFloor.Apply(sigma, level, _options.RelativeScaleFloor, _options.CountData));
    }

    // The expected mean of the smallest `kept` of `count` absolute deviations of a standard normal: the mean of a
    // half-normal below its kept/count quantile.
    private static double TrimmedDeviationToSigma(int kept, int count)
    {
        var fraction = (double)kept / count;
        var quantile = Normal.InvCDF(0, 1, 0.5 + (fraction / 2));
        return fraction / (2 * (Normal.PDF(0, 1, 0) - Normal.PDF(0, 1, quantile)));
    }

    private void Learn(float point, double median, bool suspect)
    {
        if (!suspect)
        {
            _keptOutInARow = 0;
            _runSum = 0;
            Add(point);
            return;
        }

        var accepted = _options.AcceptShiftAfter ?? _window.Length / 2;
        if (_keptOutInARow < accepted)
        {
            _keptOutInARow++;
            _runSum += point;
            if (_keptOutInARow < accepted)
            {
                return;
            }

            // The run has lasted long enough (half a window unless configured): a new level, not a surge. Moving the whole window to the run's mean
            // keeps its spread and stops the alarm at once.
            Shift((float)(((double)_runSum / accepted) - median));
        }

        // Later values of an accepted run are admitted, so a change in spread is learnt as well.
        Add(point);
    }

    private void Shift(float delta)
    {
        for (var i = 0; i < Count; i++)
        {
            _window[i] = ToOffset(Kept(_window[i]) + delta - _anchor);
        }
    }

    private void Add(float point)
    {
        if (Count == 0)
        {
            _anchor = point;
        }

        _window[_next] = Offset(point);
        _next = (ushort)((_next + 1) % _window.Length);
        _full |= _next == 0;
    }

    private WideFloat16 Offset(float point) => ToOffset(point - (double)_anchor);

    // Offsets beyond a WideFloat16's range (3.7e19) are kept as its largest.
    private static WideFloat16 ToOffset(double offset) => (WideFloat16)(float)Math.Clamp(offset, -float.MaxValue, float.MaxValue);

    private double Kept(WideFloat16 offset) => _anchor + (double)offset;
}
