using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Log;

/// <summary>One appended batch as a consumer reads it: its partition, its offset there, when it was appended, its points.</summary>
/// <param name="Partition">The partition the record is in.</param>
/// <param name="Offset">Its position in the partition: 0, 1, 2, … in append order.</param>
/// <param name="AppendedAt">When the log appended it.</param>
/// <param name="Points">Its points (only those of series in this partition), in the order they were written.</param>
public sealed record LogRecord(int Partition, long Offset, DateTimeOffset AppendedAt, MetricPoint[] Points)
{
    /// <summary>The offset to read from after this record.</summary>
    public long Next => Offset + 1;
}
