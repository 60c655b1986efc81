namespace Cockpit.Ingest.Write;

/// <summary>The unit of the timestamps in a write, as InfluxDB's <c>precision</c> parameter names it.</summary>
public enum TimePrecision
{
    /// <summary><c>ns</c> or <c>n</c> (the default).</summary>
    Nanoseconds,

    /// <summary><c>us</c>, <c>u</c> or <c>µ</c>.</summary>
    Microseconds,

    /// <summary><c>ms</c>.</summary>
    Milliseconds,

    /// <summary><c>s</c>.</summary>
    Seconds,

    /// <summary><c>m</c> (InfluxDB 1.x only).</summary>
    Minutes,

    /// <summary><c>h</c> (InfluxDB 1.x only).</summary>
    Hours,
}
