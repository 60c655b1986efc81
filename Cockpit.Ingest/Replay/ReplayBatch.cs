using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// Points of a replayed file that share one timestamp (consecutive lines or rows with the same time), published
/// together.
/// </summary>
/// <param name="TimestampNs">The points' timestamp, Unix nanoseconds.</param>
/// <param name="Points">The points; owned by the batch (the pacer shifts their timestamps in place).</param>
public sealed record ReplayBatch(long TimestampNs, MetricPoint[] Points);
