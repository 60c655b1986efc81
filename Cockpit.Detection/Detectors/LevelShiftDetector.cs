namespace Cockpit.Detection.Detectors;

/// <summary>
/// Level shifts and slow sustained drifts: a two-sided CUSUM (Page) of the standardised value against a slowly learnt
/// baseline (EWMA mean and EWMA mean absolute deviation, σ ≈ 1.2533 × it, floored by <see cref="NoiseFloor"/>).
/// S+ and S− add each point's deviation beyond the slack; S = h scores 0.5. The baseline freezes while either sum is
/// building up, so a drift of 0.1 % per point is evidence rather than the new normal; once an alarm has lasted
/// <see cref="LevelShiftDetectorOptions.RebaselineAfter"/> points the baseline jumps to the alarming level.
/// Expected is the baseline; the band, baseline ± (k + h) σ, is where a single value alarms on its own.
/// State: a few scalars (72 B).
/// </summary>
public sealed class LevelShiftDetector : ISeriesDetector
{
    // σ ≈ 1.2533 × mean absolute deviation for normally distributed data.
    private const double MeanAbsDevToSigma = 1.2533;

    // Deviations beyond 4σ are clipped before the baseline learns from them, so one outlier barely moves it.
    private const double LearningClipSigmas = 4;

    // A single absurd value must not make the sums infinite (∞ − ∞ would then poison them with NaN).
    private const double MaxStep = 1e6;

    private readonly LevelShiftDetectorOptions _options;
    private long _newestNs = long.MinValue;
    private double _mean;
    private double _alarmSum;
    private float _meanAbsDev;
    private float _up;
    private float _down;
    private int _seen;
    private int _alarmRun;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public LevelShiftDetector(LevelShiftDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinHistory, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.DecisionInterval);
        _options = options;
    }

    /// <inheritdoc />
    // Fields: a reference, a long, two doubles, three floats and two ints.
    public int StateBytes => StateSize.Object(8 + 8 + (2 * 8) + (3 * 4) + (2 * 4));

    /// <inheritdoc />
    public DetectorReading Observe(long timestampNs, double value, DetectorContext context)
    {
        if (!double.IsFinite(value) || timestampNs < _newestNs)
        {
            return DetectorReading.None;
        }

        _newestNs = timestampNs;
        if (_seen < _options.MinHistory)
        {
            Learn(value, sigma: double.PositiveInfinity);
            return DetectorReading.None;
        }

        var sigma = Sigma();
        var x = Math.Clamp(NoiseFloor.Standardise(value - _mean, sigma), -MaxStep, MaxStep);
        var slack = _options.Slack;
        _up = (float)Math.Max(0, _up + x - slack);
        _down = (float)Math.Max(0, _down - x - slack);

        var h = _options.DecisionInterval;
        var sensitivity = _options.Sensitivity;
        var halfWidth = (slack + AnomalyScale.EdgeEvidence(h, sensitivity)) * sigma;
        var reading = new DetectorReading(
            AnomalyScale.Score(_up, h, sensitivity),
            AnomalyScale.Score(_down, h, sensitivity),
            _mean,
            _mean - halfWidth,
            _mean + halfWidth);

        if (reading.Score(Direction.Both) >= AnomalyScale.Edge)
        {
            Persist(value);
        }
        else
        {
            _alarmRun = 0;
            _alarmSum = 0;
            if (Math.Max(_up, _down) <= _options.FreezeFraction * h)
            {
                Learn(value, sigma);
            }
        }

        return reading;
    }

    private double Sigma() =>
        NoiseFloor.Apply(MeanAbsDevToSigma * _meanAbsDev, _mean, _options.RelativeScaleFloor, _options.CountData);

    private void Learn(double value, double sigma)
    {
        if (_seen < int.MaxValue)
        {
            _seen++;
        }

        // Plain running means while few points are in, then EWMAs: the first baseline is as good as the data allow.
        // The first point sets the mean; deviations start with the second.
        var clip = LearningClipSigmas * sigma;
        var deviation = Math.Clamp(value - _mean, -clip, clip);
        if (_seen > 1)
        {
            _meanAbsDev += (float)(Rate(_seen - 1, _options.ScaleLearningRate) * (Math.Abs(deviation) - _meanAbsDev));
        }

        _mean += Rate(_seen, _options.BaselineLearningRate) * deviation;
    }

    private static double Rate(int samples, double learningRate) => Math.Max(1.0 / samples, learningRate);

    private void Persist(double value)
    {
        _alarmRun++;
        _alarmSum += value;
        if (_alarmRun < _options.RebaselineAfter)
        {
            return;
        }

        // The alarm has lasted: whatever the level is now is the new normal. The scale is kept, as a shift in level
        // says nothing about the noise.
        _mean = _alarmSum / _alarmRun;
        _up = 0;
        _down = 0;
        _alarmRun = 0;
        _alarmSum = 0;
    }
}
