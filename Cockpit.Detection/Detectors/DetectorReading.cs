namespace Cockpit.Detection.Detectors;

/// <summary>
/// What one detector says about one point: how anomalous it is upwards and downwards, each a score in [0, 1], and
/// what the detector expected. Scores follow one convention across detectors so that rules and the combined score
/// can compare them: 0 is normal, 0.5 is the edge of what the detector calls anomalous at sensitivity 1, and the
/// score approaches 1 as the evidence becomes overwhelming.
/// </summary>
/// <param name="Up">Evidence that the value is anomalously high (or rising), in [0, 1].</param>
/// <param name="Down">Evidence that the value is anomalously low (or falling), in [0, 1].</param>
/// <param name="Expected">The value the detector expected here; NaN when it has no expectation.</param>
/// <param name="Lower">Lower edge of the normal band; NaN when there is none.</param>
/// <param name="Upper">Upper edge of the normal band; NaN when there is none.</param>
public readonly record struct DetectorReading(double Up, double Down, double Expected, double Lower, double Upper)
{
    /// <summary>No opinion: warming up, a non-finite value, or a late point.</summary>
    public static DetectorReading None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>True when the detector scored the point.</summary>
    public bool HasOpinion => !double.IsNaN(Up);

    /// <summary>The score in the given direction (the larger of the two for <see cref="Direction.Both"/>); NaN without an opinion.</summary>
    public double Score(Direction direction) => direction switch
    {
        Direction.Up => Up,
        Direction.Down => Down,
        _ => Math.Max(Up, Down),
    };
}
