namespace Cockpit.Web.Components.Controls;

/// <summary>A shaded range drawn behind a chart's lines, e.g. the band a detector considers normal.</summary>
/// <param name="Name">Legend text (rendered as text, never markup).</param>
/// <param name="Ranges">Ranges in time order.</param>
public sealed record ChartBand(string Name, IReadOnlyList<ChartRange> Ranges);

/// <summary>One time's range of a <see cref="ChartBand"/>.</summary>
/// <param name="X">Unix time in milliseconds.</param>
/// <param name="Low">Lower edge.</param>
/// <param name="High">Upper edge.</param>
public readonly record struct ChartRange(long X, double Low, double High);
