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

    // The most evidence a sum keeps: its score is then 0.9, and one value back at the baseline takes it below the edge.
    private const double MaxSumFactor = 1.5;

    // What the model's own noise is worth, in values, when a noise is known.
    private const int PriorPoints = 30;

    // A value far more precise than usual (an unusually busy bucket) counts for at most this many usual ones.
    private const double MaxWeight = 8;

    private readonly LevelShiftDetectorOptions _options;
    private long _newestNs = long.MinValue;
    private double _mean;
    private double _alarmSum;
    private float _meanAbsDev;
    private float _up;
    private float _down;
    private float _typicalNoise;
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
    // Fields: a reference, a long, two doubles, four floats and two ints.
    public int StateBytes => StateSize.Object(8 + 8 + (2 * 8) + (4 * 4) + (2 * 4));

    /// <inheritdoc />
    public DetectorReading Observe(long timestampNs, double value, DetectorContext context) =>
        Observe(timestampNs, value, double.NaN, hold: false, context);

    /// <inheritdoc />
    /// <remarks>
    /// With a known <paramref name="noise"/> the learnt scale is a dispersion factor over it (never below 1: the data
    /// cannot be calmer than its model), and each value weighs by how precise it is: a CUSUM of log-likelihood ratios
    /// for the same shift, S += w·x − k·w² with w = typical noise ÷ this value's noise, which is the plain CUSUM when
    /// every value is alike. A bucket of 20 attempts then adds little evidence and little slack, one of 2 000 much.
    /// </remarks>
    public DetectorReading Observe(long timestampNs, double value, double noise, bool hold, DetectorContext context)
    {
        if (!double.IsFinite(value) || timestampNs < _newestNs)
        {
            return DetectorReading.None;
        }

        _newestNs = timestampNs;
        var known = noise > 0 && double.IsFinite(noise);
        var unit = known ? noise : 1;
        var learntNoise = known ? noise : double.NaN;
        if (_seen < _options.MinHistory)
        {
            Learn(value, learntNoise, sigma: double.PositiveInfinity);
            return DetectorReading.None;
        }

        // Until the baseline has settled it learns from every value that is not held, however much evidence builds up:
        // a first baseline taken from a few values can be off (a success rate of 99 % over a few lucky buckets reads
        // 99.7 %), and one that stopped learning because it was off would alarm until it rebaselined.
        var freezeAt = _seen < _options.SettleAfter ? double.PositiveInfinity : _options.FreezeFraction * _options.DecisionInterval;

        var sigma = Sigma(unit, known);
        var weight = known && _typicalNoise > 0 ? Math.Min(_typicalNoise / noise, MaxWeight) : 1;
        var x = Math.Clamp(NoiseFloor.Standardise(value - _mean, sigma), -MaxStep, MaxStep);
        var slack = _options.Slack * weight * weight;
        var backToNormal = BackToNormal(value);
        var (upBefore, downBefore) = (_up, _down);
        _up = Accumulate(_up, (weight * x) - slack, backToNormal);
        _down = Accumulate(_down, (-weight * x) - slack, backToNormal);

        // The band is where one value alarms on its own (w·x − k·w² ≥ h/s). With QuickRecovery it is where this value
        // would not have raised the alarm: as evidence builds up it narrows, so a value that alarms is outside it and
        // "is 84.7, expected 95.4, normal 60.9 to 100" cannot be said of an alarm.
        var h = _options.DecisionInterval;
        var sensitivity = _options.Sensitivity;
        var edge = AnomalyScale.EdgeEvidence(h, sensitivity);
        var reading = new DetectorReading(
            AnomalyScale.Score(_up, h, sensitivity),
            AnomalyScale.Score(_down, h, sensitivity),
            _mean,
            _mean - (Reach(_options.QuickRecovery ? edge - downBefore : edge, weight) * sigma),
            _mean + (Reach(_options.QuickRecovery ? edge - upBefore : edge, weight) * sigma));

        if (reading.Score(Direction.Both) >= AnomalyScale.Edge)
        {
            Persist(value);
        }
        else
        {
            _alarmRun = 0;
            _alarmSum = 0;
            if (!hold && Math.Max(_up, _down) <= freezeAt)
            {
                Learn(value, learntNoise, sigma);
            }
        }

        return reading;
    }

    // How many σ from the baseline a value must be for one side's sum to reach the edge, given what is left to it.
    // Measured from the sums before the value, so a value outside the band is exactly one that alarms (a sum already
    // beyond the edge can leave no room at all: the band then closes on the baseline).
    private double Reach(double left, double weight) => Math.Max((left / weight) + (_options.Slack * weight), 0);

    // Whether a value during an alarm says the shift is over: it is nearer the baseline than a quarter of the alarm's mean
    // deviation, or on the other side of the baseline.
    private bool BackToNormal(double value)
    {
        if (_alarmRun == 0)
        {
            return false;
        }

        var shift = (_alarmSum / _alarmRun) - _mean;
        var deviation = value - _mean;
        return Math.Sign(deviation) != Math.Sign(shift) || Math.Abs(deviation) < Math.Abs(shift) / 4;
    }

    // One side's sum after a value whose log-likelihood step is `step`. While the sum is beyond the decision interval,
    // a value back to normal halves it instead of letting it drain by the slack alone, which would take hours after a
    // long incident had driven it high. The sum is also capped, so how long an incident lasted does not decide how long
    // its alert outlives it.
    private float Accumulate(float sum, double step, bool backToNormal)
    {
        var h = _options.DecisionInterval;
        var next = Math.Max(0, sum + step);
        if (_options.QuickRecovery)
        {
            if (sum >= h && backToNormal)
            {
                next = Math.Min(next, sum / 2);
            }

            next = Math.Min(next, MaxSumFactor * h);
        }

        return (float)next;
    }

    // With a known noise the baseline's own uncertainty counts too: a mean of a few values is itself a few values'
    // noise off (typical noise² / values learnt), which matters for the first hours and vanishes after.
    private double Sigma(double unit, bool known) => known
        ? Math.Max(MeanAbsDevToSigma * _meanAbsDev, 1) * Math.Sqrt((unit * unit) + ((double)_typicalNoise * _typicalNoise / Math.Max(_seen, 1)))
        : NoiseFloor.Apply(MeanAbsDevToSigma * _meanAbsDev, _mean, _options.RelativeScaleFloor, _options.CountData);

    private void Learn(double value, double noise, double sigma)
    {
        if (_seen < int.MaxValue)
        {
            _seen++;
        }

        // Plain running means while few points are in, then EWMAs: the first baseline is as good as the data allow.
        // The first point sets the mean; deviations start with the second. With a known noise the scale is learnt in
        // units of it, and a precise value moves the mean more than a vague one (inverse-variance weights).
        var clip = LearningClipSigmas * sigma;
        var deviation = Math.Clamp(value - _mean, -clip, clip);
        var unit = 1.0;
        var precision = 1.0;
        if (!double.IsNaN(noise))
        {
            // The typical noise follows the values' noise as slowly as the scale does.
            _typicalNoise = _typicalNoise > 0
                ? (float)(_typicalNoise + (Rate(_seen, _options.ScaleLearningRate) * (noise - _typicalNoise)))
                : (float)noise;
            unit = noise;
            precision = Math.Min(_typicalNoise * _typicalNoise / (noise * noise), 1);
        }

        if (!double.IsNaN(noise))
        {
            // The model's noise is the prior (dispersion 1, worth PriorPoints values): the first few deviations, taken
            // from a mean that is itself still rough, must not set a scale that takes days to unlearn.
            _meanAbsDev = _seen == 1
                ? (float)(1 / MeanAbsDevToSigma)
                : _meanAbsDev + (float)(Rate(_seen + PriorPoints, _options.ScaleLearningRate) * ((Math.Abs(deviation) / unit) - _meanAbsDev));
        }
        else if (_seen > 1)
        {
            _meanAbsDev += (float)(Rate(_seen - 1, _options.ScaleLearningRate) * (Math.Abs(deviation) - _meanAbsDev));
        }

        _mean += Math.Min(Rate(_seen, _options.BaselineLearningRate) * precision, 1) * deviation;
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
