namespace Cockpit.Web.Components.Controls;

/// <summary>One line of a chart.</summary>
/// <param name="Name">Legend text (rendered as text, never markup).</param>
/// <param name="Points">Points in time order.</param>
/// <param name="Dashed">Drawn dashed (an expected value, or the same line a day or a week earlier).</param>
/// <param name="ColorIndex">Palette slot; null takes the series' position. Lets a dashed line share its solid line's colour.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points, bool Dashed = false, int? ColorIndex = null);

/// <summary>A chart point: Unix milliseconds and a value.</summary>
/// <param name="X">Unix time in milliseconds.</param>
/// <param name="Y">The value.</param>
public readonly record struct ChartPoint(long X, double Y);
