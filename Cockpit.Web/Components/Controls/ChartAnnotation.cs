namespace Cockpit.Web.Components.Controls;

/// <summary>A vertical marker on a chart's time axis, e.g. where an alert started.</summary>
/// <param name="X">Unix time in milliseconds.</param>
/// <param name="Label">Short label (rendered as text, never markup).</param>
/// <param name="Tone">Colour name: <c>critical</c>, <c>warning</c> or <c>info</c>.</param>
public sealed record ChartAnnotation(long X, string Label, string Tone);
