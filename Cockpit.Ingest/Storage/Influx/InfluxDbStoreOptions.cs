using System.ComponentModel.DataAnnotations;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>Where the InfluxDB store writes and how (<c>Cockpit:Store:InfluxDb</c>).</summary>
public sealed class InfluxDbStoreOptions
{
    /// <summary>The server's base address, e.g. <c>http://influxdb:8086</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The database (InfluxDB 2.x/3.x: the bucket mapped through v1 compatibility).</summary>
    public string Database { get; set; } = "cockpit";

    /// <summary>The retention policy to write to; empty means the database's default.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>An API token (sent as <c>Authorization: Token …</c>), for InfluxDB 2.x/3.x.</summary>
    public string? Token { get; set; }

    /// <summary>A user name for InfluxDB 1.x authentication.</summary>
    public string? Username { get; set; }

    /// <summary>The password for <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Most lines in one write; a batch is sent once it has this many lines or is <see cref="BatchInterval"/> old.</summary>
    [Range(1, 1_000_000)]
    public int BatchLines { get; set; } = 5_000;

    /// <summary>Longest time an appended point waits in memory before its batch is sent.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most batches kept in memory waiting for InfluxDB; further batches go to the spool on disk. Bounds the memory
    /// the store uses at about this many × <see cref="BatchLines"/> lines.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxQueuedBatches { get; set; } = 20;

    /// <summary>Longest wait for InfluxDB to answer one write (or ping); past it the write counts as failed and is retried.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for InfluxDB to answer a query.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait before the first retry of a failed write; it doubles per failure (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between two attempts while InfluxDB is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a flush (and a clean stop) waits for InfluxDB to confirm the points before it settles for having them
    /// in the spool, e.g. while a long backlog drains.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most bytes the on-disk spool (<c>DataDir/influx-spool</c>) holds; past it the oldest batches are dropped.</summary>
    [Range(1L, long.MaxValue)]
    public long SpoolMaxBytes { get; set; } = 1L << 30;

    /// <summary>Batches older than this are dropped from the spool; empty keeps them until <see cref="SpoolMaxBytes"/> is hit.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan? SpoolMaxAge { get; set; }
}
