namespace Cockpit.Detection.Detectors;

/// <summary>
/// Static thresholds with hysteresis: a value below <see cref="ThresholdDetectorOptions.Below"/> starts a low breach
/// that lasts until a value is above <see cref="ThresholdDetectorOptions.RecoverAbove"/> (and mirrored for
/// <see cref="ThresholdDetectorOptions.Above"/>). The score is 1 in the breached direction while breached and 0
/// otherwise: a threshold is a line the user drew, so there is no evidence to grade and no sensitivity to apply.
/// Expected is NaN; Lower and Upper are the thresholds. State: two flags (40 B).
/// </summary>
public sealed class ThresholdDetector : ISeriesDetector
{
    private readonly ThresholdDetectorOptions _options;
    private long _newestNs = long.MinValue;
    private bool _low;
    private bool _high;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public ThresholdDetector(ThresholdDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>True while a low breach lasts.</summary>
    public bool BreachedLow => _low;

    /// <summary>True while a high breach lasts.</summary>
    public bool BreachedHigh => _high;

    /// <inheritdoc />
    // Fields: a reference, a long and two bools.
    public int StateBytes => StateSize.Object(8 + 8 + 2);

    /// <inheritdoc />
    public DetectorReading Observe(long timestampNs, double value, DetectorContext context)
    {
        if (!double.IsFinite(value) || timestampNs < _newestNs)
        {
            return DetectorReading.None;
        }

        _newestNs = timestampNs;
        if (_options.Below is { } below)
        {
            _low = _low ? value <= (_options.RecoverAbove ?? below) : value < below;
        }

        if (_options.Above is { } above)
        {
            _high = _high ? value >= (_options.RecoverBelow ?? above) : value > above;
        }

        return new DetectorReading(
            _high ? 1 : 0,
            _low ? 1 : 0,
            double.NaN,
            _options.Below ?? double.NaN,
            _options.Above ?? double.NaN);
    }
}
