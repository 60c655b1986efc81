namespace Cockpit.Ingest.Replay;

/// <summary>How the rows of a CSV file become points: one point per row, at the row's timestamp.</summary>
public sealed class CsvMappingOptions
{
    /// <summary>The measurement of every point, e.g. <c>nab</c>. Required.</summary>
    public string Measurement { get; set; } = "";

    /// <summary>Tags given to every point, e.g. <c>file=ec2_cpu_utilization_24ae8d</c>.</summary>
    public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>The header name of the timestamp column (matched ignoring case).</summary>
    public string TimestampColumn { get; set; } = "timestamp";

    /// <summary>How the timestamp column is written.</summary>
    public CsvTimestampFormat TimestampFormat { get; set; } = CsvTimestampFormat.Iso;

    /// <summary>
    /// Value columns (header name, matched ignoring case) and the field each becomes. Empty means every column but
    /// the timestamp becomes a field of the same name; otherwise columns not listed are ignored.
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = [];
}
