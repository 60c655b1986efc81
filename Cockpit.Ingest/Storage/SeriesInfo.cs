namespace Cockpit.Ingest.Storage;

/// <summary>What the store knows about one field series.</summary>
/// <param name="Measurement">The measurement.</param>
/// <param name="Tags">The series' tags.</param>
/// <param name="Field">The field.</param>
/// <param name="PointCount">Points accepted for it (including those not yet flushed).</param>
/// <param name="LastTimestamp">The newest point's time.</param>
public sealed record SeriesInfo(
    string Measurement,
    IReadOnlyDictionary<string, string> Tags,
    string Field,
    long PointCount,
    DateTimeOffset LastTimestamp);
