namespace Cockpit.Ingest.Write;

/// <summary>What a payload is and who sent it.</summary>
/// <param name="Source">The writer: a token name, or an adapter such as <c>mqtt</c> or <c>replay</c>.</param>
/// <param name="Format">How the payload encodes points.</param>
/// <param name="Precision">The unit of the timestamps in the payload.</param>
public sealed record WriteRequest(string Source, PayloadFormat Format, TimePrecision Precision = TimePrecision.Nanoseconds)
{
    /// <summary>
    /// Time given to lines without a timestamp, in Unix nanoseconds; null means "now" (the receive time).
    /// </summary>
    public long? DefaultTimestampNs { get; init; }

    /// <summary>
    /// Whether timestamps too far in the future (<see cref="IngestOptions.MaxFutureSkew"/>) are rejected. Adapters
    /// replaying recorded or simulated time switch it off.
    /// </summary>
    public bool CheckFutureSkew { get; init; } = true;
}
