using System.ComponentModel.DataAnnotations;

namespace Cockpit.Detection.Detectors;

/// <summary>Settings of a <see cref="SeasonalBaseline"/>.</summary>
public sealed class SeasonalBaselineOptions
{
    /// <summary>Offset of the local time the season follows from UTC, in hours (8: China Standard Time).</summary>
    [Range(-12.0, 14.0)]
    public double UtcOffsetHours { get; set; } = 8;

    /// <summary>
    /// Weight of each new day in the hour-of-day profile (an EWMA over days; the first days are plainly averaged).
    /// 0.2 ≈ the last five days.
    /// </summary>
    [Range(0.01, 1.0)]
    public double DailyLearningRate { get; set; } = 0.2;

    /// <summary>
    /// Weight of each new day in the noise scale of an hour of the day. Faster than the profile: while weekly patterns
    /// are still being learnt the residuals are large, and the scale must forget them soon after.
    /// </summary>
    [Range(0.01, 1.0)]
    public double ScaleLearningRate { get; set; } = 0.3;

    /// <summary>
    /// Weight of each new week in an hour-of-week slot's deviation from the daily profile. Deviations are learnt from
    /// the second week on (once the profile has a week behind it) and a slot's first one is taken as is, so a weekly
    /// pattern is known from the third week on.
    /// </summary>
    [Range(0.01, 1.0)]
    public double WeeklyLearningRate { get; set; } = 0.3;

    /// <summary>
    /// Values are clipped to the expected value ± this many σ before the baseline learns from them, so an incident
    /// barely moves it. A lasting change still gets in: the clipped residuals widen the learnt scale, which widens the
    /// clip, within a few days.
    /// </summary>
    [Range(1.0, 1000.0)]
    public double LearningClipZ { get; set; } = 10;

    /// <summary>|value − expected| / σ at the edge of anomalous (score 0.5 at sensitivity 1).</summary>
    [Range(1.0, 100.0)]
    public double EdgeZ { get; set; } = 5;

    /// <summary>The scale never falls below this fraction of |expected|, so an exactly flat series does not alarm on rounding.</summary>
    [Range(0.0, 1.0)]
    public double RelativeScaleFloor { get; set; } = 0.001;

    /// <summary>The series counts events: the scale never falls below √expected + 1 (Poisson noise).</summary>
    public bool CountData { get; set; }

    /// <summary>Multiplies the evidence before it is mapped to a score; higher makes scores rise faster.</summary>
    [Range(0.01, 100.0)]
    public double Sensitivity { get; set; } = 1;
}
