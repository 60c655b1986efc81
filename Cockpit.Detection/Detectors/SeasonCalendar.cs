namespace Cockpit.Detection.Detectors;

/// <summary>Local hours counted from the Unix epoch, and their place in the day and the week.</summary>
internal static class SeasonCalendar
{
    /// <summary>Nanoseconds in an hour.</summary>
    public const long HourNs = 3_600_000_000_000;

    public const int HoursPerDay = 24;

    public const int HoursPerWeek = 7 * HoursPerDay;

    // 1970-01-01 was a Thursday: three days after the Monday that starts hour-of-week 0.
    private const long EpochHourOfWeek = 3 * HoursPerDay;

    /// <summary>The offset from UTC in nanoseconds.</summary>
    public static long OffsetNs(double utcOffsetHours) => (long)Math.Round(utcOffsetHours * HourNs);

    /// <summary>The local hour (counted from the epoch) that <paramref name="localNs"/> falls in.</summary>
    public static long Hour(long localNs) => (localNs / HourNs) - (localNs % HourNs < 0 ? 1 : 0);

    /// <summary>How far into its hour <paramref name="localNs"/> is, in [0, 1).</summary>
    public static double FractionOfHour(long localNs, long hour) => (double)(localNs - (hour * HourNs)) / HourNs;

    /// <summary>0 (midnight to 1 am) to 23.</summary>
    public static int HourOfDay(long hour) => (int)Modulo(hour, HoursPerDay);

    /// <summary>0 (Monday, midnight to 1 am) to 167.</summary>
    public static int HourOfWeek(long hour) => (int)Modulo(hour + EpochHourOfWeek, HoursPerWeek);

    private static long Modulo(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
