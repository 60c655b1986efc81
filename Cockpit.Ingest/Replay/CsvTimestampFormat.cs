namespace Cockpit.Ingest.Replay;

/// <summary>How the timestamp column of a CSV file is written.</summary>
public enum CsvTimestampFormat
{
    /// <summary>
    /// ISO 8601 or <c>yyyy-MM-dd HH:mm:ss</c> (the Numenta Anomaly Benchmark's form); a time without an offset is UTC.
    /// </summary>
    Iso,

    /// <summary>Seconds since the Unix epoch; a decimal fraction is allowed.</summary>
    UnixSeconds,

    /// <summary>Milliseconds since the Unix epoch; a decimal fraction is allowed.</summary>
    UnixMilliseconds,

    /// <summary>Microseconds since the Unix epoch; a decimal fraction is allowed.</summary>
    UnixMicroseconds,

    /// <summary>Nanoseconds since the Unix epoch.</summary>
    UnixNanoseconds,
}
