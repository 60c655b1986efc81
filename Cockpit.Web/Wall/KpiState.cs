namespace Cockpit.Web.Wall;

/// <summary>The colour a KPI tile is drawn in.</summary>
public enum KpiState
{
    Unknown,
    Ok,
    Warning,
    Critical,
}
