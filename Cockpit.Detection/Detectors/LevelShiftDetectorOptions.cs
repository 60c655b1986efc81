using System.ComponentModel.DataAnnotations;

namespace Cockpit.Detection.Detectors;

/// <summary>Settings of a <see cref="LevelShiftDetector"/>. Slack and decision interval are in units of the learnt σ.</summary>
public sealed class LevelShiftDetectorOptions
{
    /// <summary>
    /// Slack k: each point adds its standardised deviation minus k to the CUSUM, so shifts smaller than k never
    /// accumulate. 0.75 is the best trade-off for shifts around 1.5σ (the optimum is half the shift to detect).
    /// </summary>
    [Range(0.0, 10.0)]
    public double Slack { get; set; } = 0.75;

    /// <summary>
    /// Decision interval h: a CUSUM of h scores 0.5. With k = 0.75, h = 9 pure Gaussian noise alarms about once in a
    /// million points and a 1.5σ shift is found in a median of 11 points. (The textbook k = 0.5, h = 5 alarms every
    /// ~500 points of noise: every eight hours on minute data, for every series; and at h = 8 the learnt baseline's
    /// own noise still makes it about once in 80 000.)
    /// </summary>
    [Range(0.5, 100.0)]
    public double DecisionInterval { get; set; } = 9;

    /// <summary>Weight of each new point in the baseline mean (an EWMA; 0.01 ≈ the last 100 points).</summary>
    [Range(0.0001, 0.5)]
    public double BaselineLearningRate { get; set; } = 0.01;

    /// <summary>
    /// Weight of each new point in the noise scale. Slower than the mean: the CUSUM's false-alarm rate is steep in
    /// the scale (a scale 5 % too small makes false alarms three times as frequent), and noise changes slowly.
    /// </summary>
    [Range(0.0001, 0.5)]
    public double ScaleLearningRate { get; set; } = 0.0025;

    /// <summary>Points needed to learn a first baseline before anything is scored.</summary>
    [Range(2, 100_000)]
    public int MinHistory { get; set; } = 30;

    /// <summary>
    /// Values over which the first baseline settles: until then it learns from every value not under an alert, however
    /// much evidence builds up (no <see cref="FreezeFraction"/>), so a rough first baseline from a few values corrects
    /// itself instead of freezing where it was wrong. Scoring can start sooner (<see cref="MinHistory"/>): a rate per
    /// 15 minutes is judged after two hours, not a day.
    /// </summary>
    [Range(2, 100_000)]
    public int SettleAfter { get; set; } = 30;

    /// <summary>
    /// The baseline stops learning while either CUSUM is above this fraction of the decision interval, so a slow
    /// drift is accumulated as evidence instead of being absorbed into the baseline.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FreezeFraction { get; set; } = 0.25;

    /// <summary>Consecutive alarming points after which the baseline jumps to their mean: a lasting shift is the new normal.</summary>
    [Range(1, 1_000_000)]
    public int RebaselineAfter { get; set; } = 30;

    /// <summary>
    /// For alerts people read: caps the evidence at 1.5 × the decision interval and halves it when a value is back near
    /// the baseline, so an alert resolves within a few values of the shift ending however long it lasted, and draws the
    /// band where the next value would raise an alarm (narrowing as evidence builds up), so an alarming value is never
    /// inside it. Off (the raw detector, as the NAB figure is measured), sums grow without bound and drain by the slack
    /// alone (hours, after a long incident) and the band is where one value alarms on its own.
    /// </summary>
    public bool QuickRecovery { get; set; }

    /// <summary>The scale never falls below this fraction of |baseline|, so an exactly flat series does not alarm on rounding.</summary>
    [Range(0.0, 1.0)]
    public double RelativeScaleFloor { get; set; } = 0.001;

    /// <summary>The series counts events: the scale never falls below √level + 1 (Poisson noise).</summary>
    public bool CountData { get; set; }

    /// <summary>Multiplies the evidence before it is mapped to a score; higher makes scores rise faster.</summary>
    [Range(0.01, 100.0)]
    public double Sensitivity { get; set; } = 1;
}
