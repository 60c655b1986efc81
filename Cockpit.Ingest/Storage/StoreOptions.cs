using System.ComponentModel.DataAnnotations;
using Cockpit.Ingest.Storage.Influx;

namespace Cockpit.Ingest.Storage;

/// <summary>Which store backs Cockpit and how it writes (<c>Cockpit:Store</c>).</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Cockpit:Store";

    /// <summary>Embedded (DuckDB in DataDir) or InfluxDb.</summary>
    public StoreKind Kind { get; set; } = StoreKind.Embedded;

    /// <summary>Longest time an appended point waits before it is committed (and visible).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:00.250")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Commit early once this many rows are pending.</summary>
    [Range(1_000, 10_000_000)]
    public int FlushRows { get; set; } = 500_000;

    /// <summary>
    /// How far back the embedded store keeps 1-minute cells of each series in memory, so that recent questions (the
    /// wall's last 24 hours) never reach the database.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan RecentWindow { get; set; } = TimeSpan.FromHours(26);

    /// <summary>Memory the recent cells may take; series past it are answered from the database.</summary>
    [Range(0, 1_000_000)]
    public int RecentMemoryMiB { get; set; } = 256;

    /// <summary>How often the embedded store merges partial rollup rows.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long each resolution is kept.</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>The InfluxDB store (used when <see cref="Kind"/> is InfluxDb).</summary>
    public InfluxDbStoreOptions InfluxDb { get; set; } = new();
}

/// <summary>The store implementations.</summary>
public enum StoreKind
{
    Embedded,
    InfluxDb,
}
