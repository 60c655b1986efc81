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
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:01")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Commit early once this many rows are pending.</summary>
    [Range(1_000, 10_000_000)]
    public int FlushRows { get; set; } = 500_000;

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
