using Cockpit.Alerting.Model;
using Cockpit.Web.Components.Controls;

namespace Cockpit.Web.Wall;

/// <summary>Everything the wall shows at one moment; immutable, so it can be built off the UI thread.</summary>
/// <param name="DataTime">Start of the newest bucket with data; null before any point.</param>
/// <param name="Figures">The KPI numbers.</param>
/// <param name="Complaints">Complaints per bucket, a line per district.</param>
/// <param name="ComplaintAnnotations">Starts of complaint alerts in the charted window.</param>
/// <param name="SuccessRate">Rolling business success rate, a line per district.</param>
/// <param name="SuccessAnnotations">Starts of business alerts in the charted window.</param>
/// <param name="Latency">Network latency, a line per district.</param>
/// <param name="NetworkAnnotations">Starts of network alerts in the charted window.</param>
/// <param name="Focus">The focus district's complaints with their expected band.</param>
/// <param name="Heat">Districts × metric families by anomaly score.</param>
/// <param name="Alerts">Alerts listed: the firing ones, then the latest resolved.</param>
/// <param name="Active">Alerts in the ticker: the firing ones, critical first.</param>
public sealed record WallSnapshot(
    DateTimeOffset? DataTime,
    WallFigures Figures,
    IReadOnlyList<ChartSeries> Complaints,
    IReadOnlyList<ChartAnnotation> ComplaintAnnotations,
    IReadOnlyList<ChartSeries> SuccessRate,
    IReadOnlyList<ChartAnnotation> SuccessAnnotations,
    IReadOnlyList<ChartSeries> Latency,
    IReadOnlyList<ChartAnnotation> NetworkAnnotations,
    WallFocus Focus,
    HeatGridData Heat,
    IReadOnlyList<AlertRecord> Alerts,
    IReadOnlyList<AlertRecord> Active)
{
    /// <summary>Alerts currently firing (acknowledged ones included: they still fire).</summary>
    public int Firing => Figures.Firing;
}
