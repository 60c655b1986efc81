namespace Cockpit.Ingest.Replay;

/// <summary>How a replayed file encodes its points.</summary>
public enum ReplayFormat
{
    /// <summary>InfluxDB line protocol, one point per line; <c>#</c> comments and blank lines are skipped.</summary>
    LineProtocol,

    /// <summary>Comma-separated values with a header row, mapped to points by <see cref="CsvMappingOptions"/>.</summary>
    Csv,
}
