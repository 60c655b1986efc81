using Cockpit.Alerting.Model;
using Cockpit.Web.Components.Controls;

namespace Cockpit.Web.Wall;

/// <summary>Everything the wall shows at one moment; immutable, so it can be built off the UI thread.</summary>
public sealed record WallSnapshot(
    DateTimeOffset? DataTime,
    IReadOnlyList<KpiValue> Kpis,
    IReadOnlyList<ChartSeries> Complaints,
    IReadOnlyList<ChartSeries> SuccessRate,
    IReadOnlyList<ChartSeries> Latency,
    IReadOnlyList<AlertRecord> Alerts)
{
    /// <summary>Alerts currently firing (acknowledged ones included: they still fire).</summary>
    public int Firing => Alerts.Count(a => a.Status is AlertStatus.Firing or AlertStatus.Acknowledged);
}
