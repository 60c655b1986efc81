using Cockpit.Detection.Alerts;
using Cockpit.Web.Components.Controls;

namespace Cockpit.Web.Wall;

/// <summary>Everything the wall shows at one moment; immutable, so it can be built off the UI thread.</summary>
public sealed record WallSnapshot(
    DateTimeOffset? DataTime,
    IReadOnlyList<KpiValue> Kpis,
    IReadOnlyList<ChartSeries> Complaints,
    IReadOnlyList<ChartSeries> SuccessRate,
    IReadOnlyList<ChartSeries> Latency,
    IReadOnlyList<Alert> Alerts)
{
    /// <summary>Alerts currently firing.</summary>
    public int Firing => Alerts.Count(a => a.State == AlertState.Firing);
}
