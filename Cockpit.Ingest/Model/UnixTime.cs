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

    /// <summary>
    /// <paramref name="value"/> ÷ <paramref name="divisor"/> rounded towards minus infinity (C#'s <c>/</c> rounds
    /// towards zero, which would put times before 1970 in the wrong bucket): the index of a time's bucket.
    /// </summary>
    public static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : ((value + 1) / divisor) - 1;

    /// <summary>The start of the <paramref name="step"/>-wide bucket (aligned to the epoch) that holds <paramref name="value"/>.</summary>
    public static long Floor(long value, long step) => FloorDiv(value, step) * step;
}
