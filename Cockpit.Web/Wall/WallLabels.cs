namespace Cockpit.Web.Wall;

/// <summary>Localized names the snapshot puts into chart legends, captured on the circuit (its culture) before building.</summary>
/// <param name="Measured">Legend of a measured line.</param>
/// <param name="Expected">Legend of the expected line.</param>
/// <param name="Band">Legend of the normal band.</param>
public sealed record WallLabels(string Measured, string Expected, string Band)
{
    /// <summary>English labels (tests and the neutral culture).</summary>
    public static WallLabels English { get; } = new("measured", "expected", "normal band");
}
