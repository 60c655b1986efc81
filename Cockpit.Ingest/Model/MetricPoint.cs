namespace Cockpit.Ingest.Model;

/// <summary>
/// One field value of one series at one instant. An InfluxDB point (measurement + tags + fields +
/// timestamp) travels inside Cockpit as one <see cref="MetricPoint"/> per field, because detection and
/// storage both work per field series; a line-protocol line with two fields becomes two points that share
/// <see cref="Series"/> and <see cref="TimestampNs"/>.
/// </summary>
/// <param name="Series">The interned series (measurement + tags).</param>
/// <param name="Field">The field name, e.g. <c>count</c>.</param>
/// <param name="Value">The numeric value; never NaN or infinite once accepted by ingest.</param>
/// <param name="TimestampNs">Nanoseconds since the Unix epoch (UTC), InfluxDB's native precision.</param>
/// <param name="Source">Who sent it: an ingest token name, or an adapter such as <c>simulator</c>.</param>
/// <param name="Flags">Marks set by ingest, such as out-of-order.</param>
public readonly record struct MetricPoint(
    SeriesKey Series,
    string Field,
    double Value,
    long TimestampNs,
    string Source,
    PointFlags Flags = PointFlags.None)
{
    /// <summary>The timestamp as a <see cref="DateTimeOffset"/> (UTC, 100 ns resolution).</summary>
    public DateTimeOffset Time => UnixTime.ToDateTimeOffset(TimestampNs);
}
