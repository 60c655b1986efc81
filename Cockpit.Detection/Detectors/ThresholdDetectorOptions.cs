using System.ComponentModel.DataAnnotations;

namespace Cockpit.Detection.Detectors;

/// <summary>
/// Settings of a <see cref="ThresholdDetector"/>: a lower and/or an upper threshold, each with the level that ends a
/// breach (hysteresis, so a value hovering at the line does not flap). A recovery level left unset equals its threshold.
/// </summary>
public sealed class ThresholdDetectorOptions : IValidatableObject
{
    /// <summary>Values below this breach (e.g. a success rate below 0.90).</summary>
    [Range(double.MinValue, double.MaxValue)]
    public double? Below { get; set; }

    /// <summary>A low breach ends only when a value is above this (e.g. 0.92); at least <see cref="Below"/>.</summary>
    [Range(double.MinValue, double.MaxValue)]
    public double? RecoverAbove { get; set; }

    /// <summary>Values above this breach (e.g. a latency above 800 ms).</summary>
    [Range(double.MinValue, double.MaxValue)]
    public double? Above { get; set; }

    /// <summary>A high breach ends only when a value is below this; at most <see cref="Above"/>.</summary>
    [Range(double.MinValue, double.MaxValue)]
    public double? RecoverBelow { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Below is null && Above is null)
        {
            yield return new ValidationResult("Set Below, Above or both.", [nameof(Below), nameof(Above)]);
        }

        if (RecoverAbove < Below)
        {
            yield return new ValidationResult("RecoverAbove must not be below Below.", [nameof(RecoverAbove)]);
        }

        if (RecoverBelow > Above)
        {
            yield return new ValidationResult("RecoverBelow must not be above Above.", [nameof(RecoverBelow)]);
        }

        if (Below >= Above)
        {
            yield return new ValidationResult("Below must be lower than Above.", [nameof(Below), nameof(Above)]);
        }
    }
}
