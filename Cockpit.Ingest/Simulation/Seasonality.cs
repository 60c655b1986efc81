namespace Cockpit.Ingest.Simulation;

/// <summary>
/// Daily and weekly load shape of a city's service centre: quiet nights, a morning climb, a lunch dip and an
/// evening peak; lighter weekends and a busier Monday.
/// </summary>
public static class Seasonality
{
    // Relative load at each local hour 0..23; interpolated linearly in between.
    private static readonly double[] HourlyLoad =
    [
        0.22, 0.16, 0.12, 0.10, 0.10, 0.13, 0.25, 0.45, 0.72, 0.92, 1.00, 0.98,
        0.86, 0.84, 0.93, 0.95, 0.92, 0.88, 0.90, 1.02, 1.05, 0.90, 0.62, 0.38,
    ];

    /// <summary>Relative load at a local time: around 1 at the daily peak, about 0.1 at night.</summary>
    public static double Load(DateTime localTime)
    {
        var hour = localTime.TimeOfDay.TotalHours;
        var h0 = (int)Math.Floor(hour) % 24;
        var h1 = (h0 + 1) % 24;
        var daily = HourlyLoad[h0] + ((HourlyLoad[h1] - HourlyLoad[h0]) * (hour - Math.Floor(hour)));
        return daily * Weekly(localTime.DayOfWeek);
    }

    private static double Weekly(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => 1.10,
        DayOfWeek.Saturday => 0.80,
        DayOfWeek.Sunday => 0.70,
        _ => 1.00,
    };
}
