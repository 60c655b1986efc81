using System.ComponentModel.DataAnnotations;

namespace Cockpit.Detection.Detectors;

/// <summary>Settings of a <see cref="SurgeDetector"/>.</summary>
public sealed class SurgeDetectorOptions
{
    /// <summary>Values in the sliding baseline window (the median and scale are taken over them).</summary>
    [Range(8, DetectorContext.MaxLength)]
    public int Window { get; set; } = 64;

    /// <summary>
    /// Anomalous values in a row after which their level is accepted as the new normal and the alarm stops; null is
    /// half the window. Raise it where surges last long (complaints during an hour-long incident stay a surge).
    /// </summary>
    [Range(2, 100_000)]
    public int? AcceptShiftAfter { get; set; }

    /// <summary>Values needed in the window before anything is scored.</summary>
    [Range(3, DetectorContext.MaxLength)]
    public int MinHistory { get; set; } = 16;

    /// <summary>
    /// Robust z at the edge of anomalous (score 0.5 at sensitivity 1). 5.5 rather than the textbook 3 because the
    /// scale comes from only a window of values and the detector runs on every point of many series: at 5.5 pure
    /// Gaussian noise alarms about once in 400 000 points.
    /// </summary>
    [Range(1.0, 100.0)]
    public double EdgeZ { get; set; } = 5.5;

    /// <summary>The scale never falls below this fraction of |median|, so an exactly flat series does not alarm on rounding.</summary>
    [Range(0.0, 1.0)]
    public double RelativeScaleFloor { get; set; } = 0.001;

    /// <summary>The series counts events: the scale never falls below √level + 1 (Poisson noise).</summary>
    public bool CountData { get; set; }

    /// <summary>Multiplies the evidence before it is mapped to a score; higher makes scores rise faster.</summary>
    [Range(0.01, 100.0)]
    public double Sensitivity { get; set; } = 1;
}
