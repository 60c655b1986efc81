using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cockpit.Web.Wall;

/// <summary>Turns the wall's figures into its four tiles, in the current culture and the localizer's language.</summary>
public static class WallKpiText
{
    /// <summary>The tiles: complaints, business success rate, network health, active alerts.</summary>
    public static IReadOnlyList<KpiValue> Format(WallFigures figures, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureInfo.CurrentCulture;
        return [Complaints(figures, text, culture), Success(figures, text, culture), Network(figures, text, culture), Alerts(figures, text, culture)];
    }

    private static KpiValue Complaints(WallFigures f, IStringLocalizer text, CultureInfo culture)
    {
        string detail;
        if (!double.IsNaN(f.WeekRatio))
        {
            detail = text["ComplaintsVsWeek", Percent(f.WeekRatio, culture), f.WeekAgo!.Complaints!.Value.ToString("N0", culture)];
        }
        else
        {
            detail = double.IsNaN(f.HourRatio)
                ? text["ComplaintsNoWeek"]
                : text["ComplaintsNoWeekVsHour", Percent(f.HourRatio, culture)];
        }

        return new KpiValue("complaints", text["KpiComplaints"], f.LastHourComplaints.ToString("N0", culture), string.Empty, detail, f.ComplaintsState);
    }

    private static KpiValue Success(WallFigures f, IStringLocalizer text, CultureInfo culture) =>
        double.IsNaN(f.SuccessRate)
            ? new KpiValue("success-rate", text["KpiSuccess"], "–", "%", text["NoDataYet"], KpiState.Unknown)
            : new KpiValue(
                "success-rate",
                text["KpiSuccess"],
                f.SuccessRate.ToString("0.0", culture),
                "%",
                text["SuccessDetail", f.Successes.ToString("N0", culture), f.Attempts.ToString("N0", culture)],
                f.SuccessState);

    private static KpiValue Network(WallFigures f, IStringLocalizer text, CultureInfo culture)
    {
        if (double.IsNaN(f.CellsUp))
        {
            return new KpiValue("network", text["KpiNetwork"], "–", "%", text["NoDataYet"], KpiState.Unknown);
        }

        var latency = double.IsNaN(f.MeanLatency) ? "–" : f.MeanLatency.ToString("0", culture);
        var loss = double.IsNaN(f.MeanLoss) ? "–" : f.MeanLoss.ToString("0.0", culture);
        var detail = f.CellsDown > 0
            ? text["NetworkDetailDown", f.CellsDown.ToString("0", culture), latency, loss]
            : text["NetworkDetail", latency, loss];
        return new KpiValue("network", text["KpiNetwork"], f.CellsUp.ToString("0.0", culture), "%", detail, f.NetworkState);
    }

    private static KpiValue Alerts(WallFigures f, IStringLocalizer text, CultureInfo culture) =>
        new("alerts", text["KpiAlerts"], f.Firing.ToString(culture), string.Empty, text["AlertsDetail", f.Critical.ToString(culture)], f.AlertsState);

    private static string Percent(double ratio, CultureInfo culture) =>
        ((ratio - 1) * 100).ToString("+0;-0;0", culture) + " %";
}
