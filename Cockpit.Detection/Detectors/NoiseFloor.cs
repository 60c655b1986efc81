namespace Cockpit.Detection.Detectors;

/// <summary>
/// Keeps a learnt noise scale from collapsing on flat or integer-valued series, where the spread of recent values
/// can be 0 and any change would otherwise look infinitely anomalous.
/// </summary>
internal static class NoiseFloor
{
    /// <summary>
    /// The larger of <paramref name="scale"/>, <paramref name="relativeFloor"/> × |<paramref name="level"/>| and, for
    /// count data, √level + 1: the noise of a Poisson count plus a continuity margin, so quiet series (mostly zeros)
    /// do not turn a handful of events into huge scores.
    /// </summary>
    public static double Apply(double scale, double level, double relativeFloor, bool countData)
    {
        var floor = relativeFloor * Math.Abs(level);
        if (countData)
        {
            floor = Math.Max(floor, Math.Sqrt(Math.Max(level, 0)) + 1);
        }

        return Math.Max(scale, floor);
    }

    /// <summary>
    /// <paramref name="deviation"/> in units of <paramref name="scale"/>; a zero scale (an exactly constant series with
    /// no floor) makes any deviation infinite and no deviation 0 rather than NaN.
    /// </summary>
    public static double Standardise(double deviation, double scale) =>
        deviation == 0 ? 0 : deviation / scale;
}
