using System.ComponentModel.DataAnnotations;

namespace Cockpit.Ingest.Log;

/// <summary>Settings of the embedded ingest log (<c>Cockpit:Log</c>), kept in <c>DataDir/log</c>.</summary>
public sealed class LogOptions
{
    public const string SectionName = "Cockpit:Log";

    /// <summary>
    /// Most bytes the log keeps on disk (records not yet read by every consumer, and the segments they sit in). A write
    /// that would go past it is refused with 429 until consumers have caught up and segments are deleted.
    /// </summary>
    [Range(16L * 1024, 1L << 40)]
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Size at which a segment file is closed and a new one started; a segment is deleted once every consumer is past
    /// it. One write's record must fit in a segment: a bigger batch is refused with 413.
    /// </summary>
    [Range(4L * 1024, 1L << 30)]
    public long SegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Partitions, by series key: each is its own sequence of records with its own offsets, the unit a cluster spreads
    /// over nodes. One is right for a single process (one fsync per group commit).
    /// </summary>
    [Range(1, 256)]
    public int Partitions { get; set; } = 1;

    /// <summary>
    /// Points of the newest records kept decoded in memory, so consumers that keep up never read the files back; a
    /// consumer further behind reads and decodes the segments.
    /// </summary>
    [Range(0, 100_000_000)]
    public int CachedPoints { get; set; } = 1_000_000;

    /// <summary>How often consumers persist how far they have got (and segments behind all of them are deleted).</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(1);
}
