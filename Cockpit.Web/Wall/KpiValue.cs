namespace Cockpit.Web.Wall;

/// <summary>One KPI tile's content, already formatted for the viewer's language.</summary>
/// <param name="Key">A stable name for tests and styling (the <c>data-kpi</c> attribute), whatever the language.</param>
/// <param name="Label">What it measures.</param>
/// <param name="Value">The headline number, formatted.</param>
/// <param name="Unit">Unit after the number.</param>
/// <param name="Detail">A comparison or breakdown line.</param>
/// <param name="State">Its colour.</param>
public sealed record KpiValue(string Key, string Label, string Value, string Unit, string Detail, KpiState State);
