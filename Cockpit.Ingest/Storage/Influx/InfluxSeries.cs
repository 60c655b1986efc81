namespace Cockpit.Ingest.Storage.Influx;

/// <summary>One series of an InfluxDB statement result: its measurement, group tags, column names and rows.</summary>
internal sealed record InfluxSeries(
    string Name,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Columns,
    List<InfluxValue[]> Rows);
