namespace Cockpit.Ingest.Write;

/// <summary>How a payload encodes its points.</summary>
public enum PayloadFormat
{
    /// <summary>InfluxDB line protocol, one point per line.</summary>
    LineProtocol,

    /// <summary>A JSON array, or newline-delimited JSON, of <c>{ measurement, tags, fields, time }</c> objects.</summary>
    Json,
}
