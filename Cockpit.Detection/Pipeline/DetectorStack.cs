using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;

namespace Cockpit.Detection.Pipeline;

/// <summary>
/// The detectors one subject runs for one rule, composed: an optional hour-of-week baseline first, then the window
/// detectors on the residual from it (that is what makes a surge detector aware of seasonality: a Monday-morning
/// peak is expected, so its residual is small). Until the baseline knows the hour, the residual is taken from a slow
/// moving level instead, so the window detectors see a continuous series rather than a jump when the baseline
/// starts answering. The score is the largest of the detectors' scores in the rule's direction, sharpened by the rule's
/// sensitivity (<see cref="AnomalyScale.Sharpen"/>), then, when given, calibrated by the series' own history
/// (<see cref="ScoreCalibration"/>: its rarity there, and daily routines).
/// </summary>
internal sealed class DetectorStack(StackSettings settings, ISeriesDetector? seasonal, ReadOnlySpan<ISeriesDetector> detectors, ScoreCalibration? calibration = null)
{
    // Weight kept by a proportion's usual share at each bucket: about the last hundred buckets.
    private const double ShareMemory = 0.99;

    // From this score a detector's band is the one shown (see Observe).
    private const double SuspectScore = 0.25;

    // The largest step, in noise units, a guarded fallback level takes towards one value.
    private const double LevelStepNoise = 2;

    // Weight of a new value in the fallback level: about the last 20 values.
    private const double LevelWeight = 0.05;

    private readonly WindowDetectors _detectors = WindowDetectors.Of(detectors);

    private double _level = double.NaN;

    // A proportion's usual share over roughly its last hundred buckets, weighted by their trials (what the value scale
    // corrects its small-sample pull against); learnt like the level, only from values that are not held.
    private float _usualSuccesses;
    private float _usualTrials;

    // Whether the series ever went below zero: until it does (latencies, durations, sizes) a band's lower edge stops at 0
    // when the settings floor the band (a learnt band; never a threshold's limits, which are the user's).
    private bool _negative;

    /// <summary>Bytes of state of every detector in the stack, the stack itself included.</summary>
    // Fields: three references (settings, seasonal, calibration), the two window detectors, the level, two floats and a
    // flag. The settings are the rule's, shared by all its series.
    public int StateBytes =>
        StateSize.Object((3 * 8) + (WindowDetectors.Capacity * 8) + 8 + (2 * 4) + 1)
        + (seasonal?.StateBytes ?? 0) + _detectors.StateBytes + (calibration?.StateBytes ?? 0);

    /// <summary>Scores <paramref name="value"/> and lets every detector learn from it.</summary>
    public StackReading Observe(long timestampNs, double value, DetectorContext context) =>
        Observe(timestampNs, value, double.NaN, hold: false, context);

    /// <summary>
    /// Scores <paramref name="value"/> (a proportion of <paramref name="trials"/> attempts, or NaN) on the rule's
    /// <see cref="ValueScale"/> and lets every detector learn from it, unless <paramref name="hold"/>: the subject's
    /// alert is open or pending, so the value is scored against what was normal before the incident and not learnt.
    /// </summary>
    public StackReading Observe(long timestampNs, double value, double trials, bool hold, DetectorContext context)
    {
        var score = double.NaN;
        var expected = double.NaN;
        var lower = double.NaN;
        var upper = double.NaN;
        var baseline = 0.0;
        var ratio = 0.0;
        var leading = double.NaN;
        var original = value;
        (value, var noise) = settings.Scale.Forward(value, trials, _usualTrials > 0 ? _usualSuccesses / _usualTrials : double.NaN);
        if (!hold)
        {
            LearnShare(original, trials);
        }

        if (seasonal is not null)
        {
            var reading = seasonal.Observe(timestampNs, value, noise, hold, context);
            if (double.IsFinite(reading.Expected))
            {
                baseline = reading.Expected;
            }
            else if (double.IsFinite(value))
            {
                baseline = double.IsNaN(_level) ? value : _level;
            }

            if (settings.ScoreSeasonal && reading.HasOpinion)
            {
                score = reading.Score(settings.Direction);
                ratio = EvidenceRatio(score, reading, value);
                (expected, lower, upper) = (reading.Expected, reading.Lower, reading.Upper);
                leading = score;
            }
        }

        foreach (var detector in _detectors)
        {
            if (detector is null)
            {
                break;
            }

            var reading = detector.Observe(timestampNs, value - baseline, noise, hold, context);
            if (!reading.HasOpinion)
            {
                continue;
            }

            // A value on the other side of the seasonal expectation is no evidence in the rule's direction, whatever a
            // residual detector's own drifting mean says: a night with fewer complaints than the season expects is not
            // a surge.
            var own = WrongSideOfSeason(value, baseline) ? 0 : reading.Score(settings.Direction);
            score = double.IsNaN(score) ? own : Math.Max(score, own);
            ratio = Math.Max(ratio, EvidenceRatio(own, reading, value - baseline));
            // The band shown is the first detector's while all is calm, and the one of the detector that drives the
            // score once something is suspect: an alert raised by the level shift is then never said to lie inside the
            // surge detector's wider band.
            var unset = double.IsNaN(expected) && double.IsNaN(lower) && double.IsNaN(upper);
            if (unset || (own >= SuspectScore && !(own <= leading)))
            {
                (expected, lower, upper) = (reading.Expected + baseline, reading.Lower + baseline, reading.Upper + baseline);
                leading = own;
            }
        }

        score = AnomalyScale.Sharpen(score, settings.Sensitivity);
        if (!hold)
        {
            LearnLevel(value, score, noise);
        }
        if (calibration is not null)
        {
            score = calibration.Calibrate(timestampNs, score, ratio, original);
        }

        _negative |= original < 0;
        var scale = settings.Scale;
        return new StackReading(score, scale.Back(expected), Floor(scale.Back(lower)), scale.Back(upper));
    }

    private void LearnShare(double value, double trials)
    {
        if (settings.Scale.Model != ValueModel.Proportions || !(trials > 0) || !double.IsFinite(value) || !double.IsFinite(trials))
        {
            return;
        }

        _usualSuccesses = (float)((_usualSuccesses * ShareMemory) + (settings.Scale.Share(value) * trials));
        _usualTrials = (float)((_usualTrials * ShareMemory) + trials);
    }

    private bool WrongSideOfSeason(double value, double baseline) =>
        seasonal is not null && settings.Direction switch
        {
            Direction.Up => value < baseline,
            Direction.Down => value > baseline,
            _ => false,
        };

    private double Floor(double lower) => !settings.FloorBand || _negative || double.IsNaN(lower) ? lower : Math.Max(lower, 0);

    // The fallback level learns only from values the stack did not find anomalous: otherwise a surge in the first day,
    // before the baseline knows the hour, would become its own expectation within twenty values and the alert would
    // resolve while the surge goes on. Guarded (rules that hold their baselines while alerting) and with a known noise,
    // each step is also limited to two noise units, so a surge is not half learnt while its evidence builds up, yet a
    // morning climb, which moves it steadily, is followed (skipping suspect values instead would lock the level below
    // a climb for good).
    private void LearnLevel(double value, double score, double noise)
    {
        if (seasonal is null || !double.IsFinite(value) || score >= AnomalyScale.Edge)
        {
            return;
        }

        if (double.IsNaN(_level))
        {
            _level = value;
            return;
        }

        var step = value - _level;
        if (settings.GuardLevel && noise > 0)
        {
            step = Math.Clamp(step, -LevelStepNoise * noise, LevelStepNoise * noise);
        }

        _level += LevelWeight * step;
    }

    // How far beyond the edge the evidence is, unsaturated: the larger of the ratio the score stands for and the value's
    // distance from expected in half-widths of the normal band. For a z-score detector the two agree until the score
    // rounds to 1 (near 7× the edge); a CUSUM's score saturates once a shift has merely lasted, which says more about
    // its duration than its size, so a saturated score leaves the value's own distance to speak. (Counting saturated
    // scores as 7× the edge instead made lasting shifts look routine and cost 6 NAB points.)
    private static double EvidenceRatio(double score, DetectorReading reading, double value)
    {
        var fromScore = score >= 1 ? 0 : Math.Sqrt(-Math.Log2(1 - score));
        var halfWidth = (reading.Upper - reading.Lower) / 2;
        var fromBand = halfWidth > 0 ? Math.Abs(value - reading.Expected) / halfWidth : 0;
        return Math.Max(fromScore, double.IsFinite(fromBand) ? fromBand : 0);
    }
}

/// <summary>A stack's verdict on one value.</summary>
/// <param name="Score">The anomaly score in [0, 1]; NaN when no detector had an opinion.</param>
/// <param name="Expected">The expected value; NaN when unknown.</param>
/// <param name="Lower">Lower edge of the normal band; NaN when unknown.</param>
/// <param name="Upper">Upper edge of the normal band; NaN when unknown.</param>
internal readonly record struct StackReading(double Score, double Expected, double Lower, double Upper);
