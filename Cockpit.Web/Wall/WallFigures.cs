namespace Cockpit.Web.Wall;

/// <summary>The numbers behind the wall's KPI tiles (formatted by the page, in the viewer's culture).</summary>
/// <param name="LastHourComplaints">Complaints in the last hour of data.</param>
/// <param name="PreviousHourComplaints">Complaints in the hour before that (held in the live rollups).</param>
/// <param name="WeekAgo">Complaints in the same hour last week, from the store; null until known.</param>
/// <param name="Attempts">Business attempts in the last 15 minutes.</param>
/// <param name="Successes">Business successes in the last 15 minutes.</param>
/// <param name="MeanLatency">Mean network latency (ms) over the last 5 minutes; NaN without data.</param>
/// <param name="MeanLoss">Mean packet loss (%) over the last 5 minutes; NaN without data.</param>
/// <param name="CellReports">Cell reports in the newest minute.</param>
/// <param name="CellsDown">Cells reporting an outage in the newest minute.</param>
/// <param name="Firing">Alerts firing (acknowledged ones included).</param>
/// <param name="Critical">Of those, critical ones.</param>
public sealed record WallFigures(
    double LastHourComplaints,
    double PreviousHourComplaints,
    WeekAgoValue? WeekAgo,
    double Attempts,
    double Successes,
    double MeanLatency,
    double MeanLoss,
    double CellReports,
    double CellsDown,
    int Firing,
    int Critical)
{
    /// <summary>Business success rate in percent; NaN without attempts.</summary>
    public double SuccessRate => Attempts > 0 ? 100 * Successes / Attempts : double.NaN;

    /// <summary>Share of cells up in percent; NaN without reports.</summary>
    public double CellsUp => CellReports > 0 ? 100 * (1 - (CellsDown / CellReports)) : double.NaN;

    /// <summary>This hour's complaints over last week's same hour; NaN when last week is unknown or zero.</summary>
    public double WeekRatio => WeekAgo?.Complaints is > 0 and var week ? LastHourComplaints / week : double.NaN;

    /// <summary>This hour's complaints over the previous hour's; NaN when that is zero.</summary>
    public double HourRatio => PreviousHourComplaints > 0 ? LastHourComplaints / PreviousHourComplaints : double.NaN;

    /// <summary>Complaints tile colour: against last week when known, else against the previous hour.</summary>
    public KpiState ComplaintsState
    {
        get
        {
            var ratio = double.IsNaN(WeekRatio) ? HourRatio : WeekRatio;
            return double.IsNaN(ratio) ? KpiState.Unknown : ratio >= 2 ? KpiState.Critical : ratio >= 1.4 ? KpiState.Warning : KpiState.Ok;
        }
    }

    /// <summary>Success-rate tile colour.</summary>
    public KpiState SuccessState =>
        double.IsNaN(SuccessRate) ? KpiState.Unknown : SuccessRate < 90 ? KpiState.Critical : SuccessRate < 95 ? KpiState.Warning : KpiState.Ok;

    /// <summary>Network tile colour: any cell down is critical; slow or lossy is a warning.</summary>
    public KpiState NetworkState =>
        double.IsNaN(CellsUp) ? KpiState.Unknown
        : CellsDown > 0 ? KpiState.Critical
        : MeanLatency > 60 || MeanLoss > 2 ? KpiState.Warning
        : KpiState.Ok;

    /// <summary>Alerts tile colour.</summary>
    public KpiState AlertsState => Critical > 0 ? KpiState.Critical : Firing > 0 ? KpiState.Warning : KpiState.Ok;
}
