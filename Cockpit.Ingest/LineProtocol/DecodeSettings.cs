using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.LineProtocol;

/// <summary>What a decoder needs to know about one payload, resolved once per payload.</summary>
/// <param name="Source">The points' source (token name or adapter).</param>
/// <param name="Precision">The unit of timestamps in the payload.</param>
/// <param name="DefaultTimestampNs">Time given to lines without one.</param>
/// <param name="MaxTimestampNs">Latest timestamp accepted (now + the allowed future skew), or long.MaxValue.</param>
/// <param name="MaxFutureSkew">The allowed future skew, for messages.</param>
internal readonly record struct DecodeSettings(
    string Source,
    TimePrecision Precision,
    long DefaultTimestampNs,
    long MaxTimestampNs,
    TimeSpan MaxFutureSkew)
{
    /// <summary>Nanoseconds per unit of <see cref="Precision"/>.</summary>
    public long Multiplier { get; } = Precision switch
    {
        TimePrecision.Nanoseconds => 1,
        TimePrecision.Microseconds => 1_000,
        TimePrecision.Milliseconds => 1_000_000,
        TimePrecision.Seconds => 1_000_000_000,
        TimePrecision.Minutes => 60_000_000_000,
        TimePrecision.Hours => 3_600_000_000_000,
        _ => throw new ArgumentOutOfRangeException(nameof(Precision), Precision, "Unknown precision."),
    };

    /// <summary>How a timestamp past <see cref="MaxTimestampNs"/> is described, for messages.</summary>
    public string TooFarAhead => $"more than {MaxFutureSkew} ahead of the server's clock (Cockpit:Ingest:MaxFutureSkew)";

    /// <summary>The precision in words, for messages.</summary>
    public string PrecisionName => Precision.ToString().ToLowerInvariant();

    /// <summary>Converts a timestamp in the payload's precision to nanoseconds; false when it does not fit.</summary>
    public bool TryScale(long value, out long nanoseconds)
    {
        nanoseconds = 0;
        if (value > long.MaxValue / Multiplier || value < long.MinValue / Multiplier)
        {
            return false;
        }

        nanoseconds = value * Multiplier;
        return true;
    }
}
