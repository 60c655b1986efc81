using System.Runtime.CompilerServices;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// The expected value and normal band by local hour of the week (168 slots), learnt online, and a score of each value
/// against them. Learning happens once per hour, from the mean of that hour's values: an hour-of-day profile (24 slots,
/// an EWMA over days, so a daily pattern is known after one day) plus, per hour of the week, a deviation from that
/// profile (an EWMA over weeks, learnt from the second week on; until a slot has one the profile stands in for it). The
/// expected value is interpolated linearly between neighbouring hour centres, so a smooth daily curve leaves no
/// saw-tooth residual. The noise scale is the mean absolute residual per hour of day (σ ≈ 1.2533 × it, floored by
/// <see cref="NoiseFloor"/>); values are clipped to a band before they are learnt, so an incident teaches it little.
/// State: 24 hour-of-day profile values (<see cref="Float24"/>) and scales (<see cref="NonNegativeFloat16"/>), 168
/// hour-of-week deviations in 11 bits each, all held in the object itself rather than in arrays, and the current hour's
/// sums (416 B).
/// </summary>
public sealed class SeasonalBaseline : ISeriesDetector
{
    // σ ≈ 1.2533 × mean absolute deviation for normally distributed data.
    private const double MeanAbsDevToSigma = 1.2533;

    // Residuals count at most 3σ towards the scale: that costs pure noise almost nothing (0.1 %), while an hour the
    // baseline has not learnt yet (a weekday's own pattern before weekly deviations are known) widens the scale of
    // that hour of the day, which all weekdays share, by at most ~1.6× a day instead of several times.
    private const double ScaleClipSigmas = 3;

    // The fallback scale, for hours of the day whose own is not learnt yet, follows roughly the last ten hours.
    private const double OverallScaleRate = 0.1;

    // Weekly deviations are kept as 11-bit integers in units of 2^(⌈log2 level⌉ − 12) at first: to 0.01–0.02 % of the
    // level (NAB scores drop at 0.05 %), and up to 25–50 % of it. A deviation beyond that doubles the unit until it
    // fits, so the unit is always as fine as the largest deviation a series has shown allows (NAB scores the same with
    // 11 and 12 bits).
    private const int WeeklyUnitBits = 12;

    private const short NoWeeklyUnit = short.MinValue;

    // A weekly slot not learnt yet (deviations are kept within ±Int11Bits.MaxValue units).
    private const int NotLearnt = Int11Bits.MinValue;

    private readonly SeasonalBaselineOptions _options;
    // The slots live inside this object rather than in arrays of their own: an array costs a header and a reference.
    private HourOfDayLevels _daily;
    private HourOfDayScales _dailyScale;
    private HourOfWeekBits _weekly;
    private long _newestNs = long.MinValue;
    // Hours since the epoch fit an int for any long timestamp (±2.5 million).
    private int _firstHour = int.MinValue;
    private int _hour = int.MinValue;
    private double _hourSum;
    private float _hourResidualSum;
    private int _hourPoints;
    private ushort _hourHeld;
    private float _overallScale = float.NaN;
    // The weekly unit is a power of two, kept as its exponent; NoWeeklyUnit until one is chosen.
    private short _weeklyExponent = NoWeeklyUnit;

    /// <summary>Creates the state for one series. The options are shared and must not change afterwards.</summary>
    public SeasonalBaseline(SeasonalBaselineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        ((Span<Float24>)_daily).Fill((Float24)float.NaN);
        ((Span<NonNegativeFloat16>)_dailyScale).Fill((NonNegativeFloat16)float.NaN);
        for (var hourOfWeek = 0; hourOfWeek < SeasonCalendar.HoursPerWeek; hourOfWeek++)
        {
            SetWeeklyUnits(hourOfWeek, NotLearnt);
        }
    }

    /// <inheritdoc />
    // Fields: a reference, a long, a double, three ints, two floats, two shorts and the slots (3, 2 and 11 bits each).
    public int StateBytes =>
        StateSize.Object(8 + 8 + 8 + (3 * 4) + (2 * 4) + (2 * 2)
            + (SeasonCalendar.HoursPerDay * (3 + 2)) + Int11Bits.BytesFor(SeasonCalendar.HoursPerWeek));

    /// <summary>
    /// The expected value and the normal band (where the score reaches 0.5) at any time, e.g. for drawing; all NaN
    /// while that hour is not learnt yet.
    /// </summary>
    public (double Expected, double Lower, double Upper) Band(long timestampNs)
    {
        var (expected, sigma) = Baseline(ToLocal(timestampNs));
        var halfWidth = AnomalyScale.EdgeEvidence(_options.EdgeZ, _options.Sensitivity) * sigma;
        return double.IsNaN(halfWidth)
            ? (double.NaN, double.NaN, double.NaN)
            : (expected, expected - halfWidth, expected + halfWidth);
    }

    /// <inheritdoc />
    public DetectorReading Observe(long timestampNs, double value, DetectorContext context) =>
        Observe(timestampNs, value, double.NaN, hold: false, context);

    /// <inheritdoc />
    /// <remarks>A held value is not learnt: an hour spent mostly in an incident leaves its slot as it was.</remarks>
    public DetectorReading Observe(long timestampNs, double value, double noise, bool hold, DetectorContext context)
    {
        if (!double.IsFinite(value) || timestampNs < _newestNs)
        {
            return DetectorReading.None;
        }

        _newestNs = timestampNs;
        var localNs = ToLocal(timestampNs);
        var hour = (int)SeasonCalendar.Hour(localNs);
        if (hour != _hour)
        {
            CommitHour();
            StartHour(hour);
        }

        var (expected, sigma) = Baseline(localNs);
        if (noise > sigma)
        {
            sigma = noise;
        }

        var reading = DetectorReading.None;
        var learnt = value;
        var residual = Math.Abs(value - expected);
        if (!double.IsNaN(sigma))
        {
            var z = NoiseFloor.Standardise(value - expected, sigma);
            var halfWidth = AnomalyScale.EdgeEvidence(_options.EdgeZ, _options.Sensitivity) * sigma;
            reading = AnomalyScale.Signed(z, _options.EdgeZ, _options.Sensitivity, expected, expected - halfWidth, expected + halfWidth);
            var clip = _options.LearningClipZ * sigma;
            learnt = Math.Clamp(value, expected - clip, expected + clip);
            residual = Math.Min(residual, ScaleClipSigmas * sigma);
        }

        if (hold)
        {
            if (_hourHeld < ushort.MaxValue)
            {
                _hourHeld++;
            }

            return reading;
        }

        // Residuals without a scale yet (when the expected value is known) are what makes that scale. A NaN residual
        // (no expected value) leaves the sum NaN, which the hour's commit knows not to learn from.
        _hourSum += learnt;
        _hourResidualSum += (float)residual;
        _hourPoints++;

        return reading;
    }

    private double WeeklyUnit => _weeklyExponent == NoWeeklyUnit ? 0 : Math.ScaleB(1.0, _weeklyExponent);

    private long ToLocal(long timestampNs) => timestampNs + SeasonCalendar.OffsetNs(_options.UtcOffsetHours);

    private (double Expected, double Sigma) Baseline(long localNs)
    {
        var hour = SeasonCalendar.Hour(localNs);

        // Signed distance from the hour's centre, in hours: the neighbour on that side is the other end of the line.
        var fromCentre = SeasonCalendar.FractionOfHour(localNs, hour) - 0.5;
        var neighbour = fromCentre < 0 ? hour - 1 : hour + 1;
        var weight = Math.Abs(fromCentre);
        var expected = Interpolate(Level(hour), Level(neighbour), weight);
        var meanAbsResidual = Interpolate(Scale(hour), Scale(neighbour), weight);
        var sigma = NoiseFloor.Apply(MeanAbsDevToSigma * meanAbsResidual, expected, _options.RelativeScaleFloor, _options.CountData);
        return (expected, double.IsNaN(expected) || double.IsNaN(meanAbsResidual) ? double.NaN : sigma);
    }

    private static double Interpolate(double own, double neighbour, double weight) =>
        double.IsNaN(neighbour) ? own : own + (weight * (neighbour - own));

    private double Level(long hour) =>
        _daily[SeasonCalendar.HourOfDay(hour)] + Weekly(SeasonCalendar.HourOfWeek(hour));

    private double Weekly(int hourOfWeek)
    {
        var units = WeeklyUnits(hourOfWeek);
        return units == NotLearnt ? 0 : units * WeeklyUnit;
    }

    private int WeeklyUnits(int hourOfWeek) => Int11Bits.Get(_weekly, hourOfWeek);

    private void SetWeeklyUnits(int hourOfWeek, int units) => Int11Bits.Set(_weekly, hourOfWeek, units);

    private double Scale(long hour)
    {
        float scale = _dailyScale[SeasonCalendar.HourOfDay(hour)];
        return float.IsNaN(scale) ? _overallScale : scale;
    }

    private void StartHour(int hour)
    {
        if (_firstHour == int.MinValue)
        {
            _firstHour = hour;
        }

        _hour = hour;
        _hourSum = 0;
        _hourResidualSum = 0;
        _hourPoints = 0;
        _hourHeld = 0;
    }

    private void CommitHour()
    {
        // An hour spent mostly in an incident says too little about its normal: a few minutes before a surge would
        // otherwise be the whole first profile of that hour of the day.
        if (_hourPoints == 0 || _hourPoints < _hourHeld)
        {
            return;
        }

        var hourOfDay = SeasonCalendar.HourOfDay(_hour);

        // Days on which this hour of the day could have been seen so far, this one included: the first days are
        // plainly averaged, later ones weighted by the learning rate.
        var days = ((_hour - _firstHour) / SeasonCalendar.HoursPerDay) + 1;
        var mean = _hourSum / _hourPoints;
        float profile = _daily[hourOfDay];
        if (float.IsNaN(profile))
        {
            _daily[hourOfDay] = (Float24)(float)mean;
        }
        else
        {
            // The weekly deviation is measured against the profile as it was expected to be, before this hour moves it,
            // and only once the profile has a week behind it: against the first days' profile (one Monday, then the
            // average of two days, ...) a deviation would be wrong in a way later weeks are slow to unlearn.
            if (days > SeasonCalendar.HoursPerWeek / SeasonCalendar.HoursPerDay)
            {
                LearnWeekly(SeasonCalendar.HourOfWeek(_hour), mean - profile);
            }

            _daily[hourOfDay] = (Float24)(float)(profile + (Rate(days, _options.DailyLearningRate) * (mean - profile)));
        }

        // Residuals exist once this hour of the day has a profile: from the second day on.
        if (float.IsNaN(_hourResidualSum))
        {
            return;
        }

        var residual = _hourResidualSum / _hourPoints;
        float scale = _dailyScale[hourOfDay];
        var scaleRate = Rate(days - 1, _options.ScaleLearningRate);
        _dailyScale[hourOfDay] = (NonNegativeFloat16)(float.IsNaN(scale) ? (float)residual : (float)(scale + (scaleRate * (residual - scale))));
        _overallScale = float.IsNaN(_overallScale)
            ? (float)residual
            : (float)(_overallScale + (OverallScaleRate * (residual - _overallScale)));
    }

    // A plain average over the first samples, then the learning rate.
    private static double Rate(long samples, double learningRate) => Math.Max(1.0 / Math.Max(samples, 1), learningRate);

    private void LearnWeekly(int hourOfWeek, double deviation)
    {
        if (_weeklyExponent == NoWeeklyUnit && !TryChooseWeeklyUnit())
        {
            return;
        }

        // A slot's first deviation is taken as is.
        var stored = Weekly(hourOfWeek);
        var learnt = WeeklyUnits(hourOfWeek) == NotLearnt
            ? deviation
            : stored + (_options.WeeklyLearningRate * (deviation - stored));
        while (Math.Abs(learnt / WeeklyUnit) > Int11Bits.MaxValue + 0.5)
        {
            DoubleWeeklyUnit();
        }

        SetWeeklyUnits(hourOfWeek, (int)Math.Round(learnt / WeeklyUnit, MidpointRounding.AwayFromZero));
    }

    private void DoubleWeeklyUnit()
    {
        _weeklyExponent++;
        for (var hourOfWeek = 0; hourOfWeek < SeasonCalendar.HoursPerWeek; hourOfWeek++)
        {
            var units = WeeklyUnits(hourOfWeek);
            if (units != NotLearnt)
            {
                SetWeeklyUnits(hourOfWeek, (int)Math.Round(units / 2.0, MidpointRounding.AwayFromZero));
            }
        }
    }

    private bool TryChooseWeeklyUnit()
    {
        var level = 0.0;
        foreach (float profile in _daily)
        {
            if (!float.IsNaN(profile))
            {
                level = Math.Max(level, Math.Abs(profile));
            }
        }

        if (level == 0)
        {
            // Nothing but zeros so far: no scale to choose from, and no weekly deviation to learn either.
            return false;
        }

        _weeklyExponent = (short)((int)Math.Ceiling(Math.Log2(level)) - WeeklyUnitBits);
        return true;
    }

    [InlineArray(SeasonCalendar.HoursPerDay)]
    private struct HourOfDayLevels
    {
        private Float24 _hour;
    }

    [InlineArray(SeasonCalendar.HoursPerDay)]
    private struct HourOfDayScales
    {
        private NonNegativeFloat16 _hour;
    }

    // 168 × 11 bits, and the spare byte Int11Bits reads past the last.
    [InlineArray(232)]
    private struct HourOfWeekBits
    {
        private byte _bits;
    }
}
