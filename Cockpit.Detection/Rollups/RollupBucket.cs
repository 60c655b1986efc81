namespace Cockpit.Detection.Rollups;

/// <summary>One bucket of a live rollup.</summary>
/// <param name="Start">The bucket's start (data time).</param>
/// <param name="Sum">Sum of the values.</param>
/// <param name="Count">Number of values.</param>
/// <param name="Max">Largest value.</param>
public readonly record struct RollupBucket(DateTimeOffset Start, double Sum, long Count, double Max)
{
    /// <summary>The mean value, NaN when empty.</summary>
    public double Mean => Count == 0 ? double.NaN : Sum / Count;
}
