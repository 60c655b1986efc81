namespace Cockpit.Web.Wall;

/// <summary>The heat grid: one row per district, one score per metric family (<see cref="MetricFamily.All"/>).</summary>
/// <param name="Rows">Districts in display order.</param>
public sealed record HeatGridData(IReadOnlyList<HeatRow> Rows)
{
    /// <summary>A grid without rows.</summary>
    public static HeatGridData Empty { get; } = new([]);
}

/// <summary>One district of the heat grid.</summary>
/// <param name="Region">The district's tag value.</param>
/// <param name="Name">Display name (text, never markup).</param>
/// <param name="Scores">Highest recent anomaly score per family, in [0, 1]; NaN where nothing was scored.</param>
public sealed record HeatRow(string Region, string Name, IReadOnlyList<double> Scores);
