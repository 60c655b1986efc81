using System.ComponentModel.DataAnnotations;

namespace Cockpit.Detection.Detectors;

/// <summary>Settings of a <see cref="NoDataDetector"/>.</summary>
public sealed class NoDataDetectorOptions
{
    /// <summary>Silence of this many usual intervals scores 0.5 at sensitivity 1.</summary>
    [Range(1.0, 1000.0)]
    public double K { get; set; } = 5;

    /// <summary>Gaps between points needed before silence is judged at all.</summary>
    [Range(1, NoDataDetector.RememberedGaps)]
    public int MinGaps { get; set; } = 3;

    /// <summary>Multiplies the evidence before it is mapped to a score; higher makes scores rise faster.</summary>
    [Range(0.01, 100.0)]
    public double Sensitivity { get; set; } = 1;
}
