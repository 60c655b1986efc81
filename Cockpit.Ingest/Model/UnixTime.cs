namespace Cockpit.Ingest.Model;

/// <summary>Conversions between Unix nanoseconds (the store's and line protocol's unit) and .NET times.</summary>
public static class UnixTime
{
    /// <summary>Nanoseconds in one .NET tick.</summary>
    public const long NanosPerTick = 100;

    /// <summary>Converts Unix nanoseconds to a UTC <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset ToDateTimeOffset(long unixNanos) =>
        DateTimeOffset.UnixEpoch.AddTicks(unixNanos / NanosPerTick);

    /// <summary>Converts a time to Unix nanoseconds.</summary>
    public static long ToNanos(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * NanosPerTick;

    /// <summary>Converts a duration to nanoseconds.</summary>
    public static long ToNanos(TimeSpan span) => span.Ticks * NanosPerTick;
}
