using System.Globalization;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The statements that settle <see cref="PendingRewrites"/> inside a commit, in the order <see cref="RewriteCommit"/>
/// runs them. The points wait in a temporary table <c>rewrites</c>; every statement that reads the big tables also
/// carries the constant time range of the points, so that DuckDB's zone maps skip the row groups of other times.
/// </summary>
internal static class DuckDbRewriteSql
{
    /// <summary>The temporary table the points are appended to (catalog <c>temp</c>, schema <c>main</c>).</summary>
    public const string Table = "rewrites";

    /// <summary>Creates (or empties) <see cref="Table"/>; temporary tables are the connection's own.</summary>
    public const string CreateTable = """
        CREATE OR REPLACE TEMP TABLE rewrites (series_id INTEGER NOT NULL, ts BIGINT NOT NULL, value DOUBLE NOT NULL);
        """;

    /// <summary>
    /// Lists the rollup buckets the points fall in, with the rows the rollup has for each (merged) and whether the raw
    /// samples still hold every point the rollup counted. Runs before the samples change; the commit's own samples and
    /// rollup rows are already in, so they count on both sides. Fewer samples than counted means raw retention took
    /// some (or an earlier rewrite there was counted as one more point); more samples than counted means rollup
    /// retention took the rows first, and rebuilding from the samples is then right. Counting instead of comparing
    /// with the clock's raw cutoff keeps it right when raw retention was lengthened after it had deleted points.
    /// </summary>
    public static string TouchedBuckets(Resolution resolution, long minNs, long maxNs)
    {
        var (table, size, lo, hi) = Bounds(resolution, minNs, maxNs);
        return string.Create(CultureInfo.InvariantCulture, $"""
            CREATE OR REPLACE TEMP TABLE touched_{table} AS
            WITH b AS (SELECT DISTINCT series_id, {Floor("ts", size)} AS bucket FROM rewrites),
            rolled AS (
                SELECT t.series_id, t.bucket, sum(t.cnt) AS cnt, sum(t.sum) AS sum, min(t.min) AS min, max(t.max) AS max,
                       arg_max(t.last, t.last_ts) AS last, max(t.last_ts) AS last_ts
                FROM {table} t SEMI JOIN b ON t.series_id = b.series_id AND t.bucket = b.bucket
                WHERE t.bucket >= {lo} AND t.bucket <= {hi}
                GROUP BY ALL),
            raw AS (
                SELECT s.series_id, {Floor("s.ts", size)} AS bucket, count(*) AS cnt
                FROM samples s SEMI JOIN b ON s.series_id = b.series_id AND {Floor("s.ts", size)} = b.bucket
                WHERE s.ts >= {lo} AND s.ts < {hi + size}
                GROUP BY ALL)
            SELECT b.series_id, b.bucket, coalesce(raw.cnt, 0) >= coalesce(rolled.cnt, 0) AS from_samples,
                   rolled.cnt, rolled.sum, rolled.min, rolled.max, rolled.last, rolled.last_ts
            FROM b LEFT JOIN rolled USING (series_id, bucket) LEFT JOIN raw USING (series_id, bucket);

            """);
    }

    /// <summary>Deletes every stored sample with the key of a pending point, returning the series id of each.</summary>
    public static string DeleteReplacedSamples(long minNs, long maxNs) => string.Create(CultureInfo.InvariantCulture, $"""
        DELETE FROM samples USING rewrites r
        WHERE samples.series_id = r.series_id AND samples.ts = r.ts AND samples.ts >= {minNs} AND samples.ts <= {maxNs}
        RETURNING samples.series_id;
        """);

    /// <summary>The pending points become samples: now the only ones with their keys.</summary>
    public const string InsertSamples = "INSERT INTO samples SELECT series_id, ts, value FROM rewrites;\n";

    /// <summary>
    /// Replaces the rollup rows of every touched bucket with one row: aggregated from the samples where they hold the
    /// whole bucket, else (raw retention has deleted some of its points) the bucket's row with the pending points added,
    /// which counts a rewritten point twice — the samples that would say which value it replaced are gone.
    /// </summary>
    public static string RebuildBuckets(Resolution resolution, long minNs, long maxNs)
    {
        var (table, size, lo, hi) = Bounds(resolution, minNs, maxNs);
        return string.Create(CultureInfo.InvariantCulture, $"""
            CREATE OR REPLACE TEMP TABLE rebuilt_{table} AS
                SELECT s.series_id, {Floor("s.ts", size)} AS bucket, count(*) AS cnt, sum(s.value) AS sum, min(s.value) AS min,
                       max(s.value) AS max, arg_max(s.value, s.ts) AS last, max(s.ts) AS last_ts
                FROM samples s SEMI JOIN touched_{table} b
                    ON s.series_id = b.series_id AND {Floor("s.ts", size)} = b.bucket AND b.from_samples
                WHERE s.ts >= {lo} AND s.ts < {hi + size}
                GROUP BY ALL
                UNION ALL
                SELECT b.series_id, b.bucket, b.cnt + w.cnt, b.sum + w.sum, least(b.min, w.min), greatest(b.max, w.max),
                       CASE WHEN w.last_ts >= b.last_ts THEN w.last ELSE b.last END, greatest(b.last_ts, w.last_ts)
                FROM touched_{table} b JOIN (
                    SELECT series_id, {Floor("ts", size)} AS bucket, count(*) AS cnt, sum(value) AS sum, min(value) AS min,
                           max(value) AS max, arg_max(value, ts) AS last, max(ts) AS last_ts
                    FROM rewrites GROUP BY ALL) w USING (series_id, bucket)
                WHERE NOT b.from_samples;
            DELETE FROM {table} USING touched_{table} b
            WHERE {table}.series_id = b.series_id AND {table}.bucket = b.bucket AND {table}.bucket >= {lo} AND {table}.bucket <= {hi};
            INSERT INTO {table} SELECT * FROM rebuilt_{table} ORDER BY series_id, bucket;

            """);
    }

    /// <summary>The rebuilt 1-minute rows, for the recent-minutes rings.</summary>
    public static readonly string RebuiltMinutes =
        $"SELECT series_id, bucket, cnt, sum, min, max, last, last_ts FROM rebuilt_{DuckDbSchema.RollupTable(Resolution.Minute)}";

    /// <summary>Drops the temporary tables (they would otherwise hold the commit's points until the next one).</summary>
    public static readonly string DropTables = $"""
        DROP TABLE rewrites;
        DROP TABLE touched_{DuckDbSchema.RollupTable(Resolution.Minute)};
        DROP TABLE rebuilt_{DuckDbSchema.RollupTable(Resolution.Minute)};
        DROP TABLE touched_{DuckDbSchema.RollupTable(Resolution.Hour)};
        DROP TABLE rebuilt_{DuckDbSchema.RollupTable(Resolution.Hour)};
        """;

    // The rollup table, its bucket size and the first and last bucket the points fall in.
    private static (string Table, long Size, long Lo, long Hi) Bounds(Resolution resolution, long minNs, long maxNs)
    {
        var size = Resolutions.Size(resolution);
        return (DuckDbSchema.RollupTable(resolution), size, UnixTime.Floor(minNs, size), UnixTime.Floor(maxNs, size));
    }

    // The bucket start as PendingRollups computes it (UnixTime.Floor): DuckDB's // and % truncate towards zero, which
    // would put points before 1970 in other buckets than the rows they must replace.
    private static string Floor(string column, long size) =>
        string.Create(CultureInfo.InvariantCulture, $"({column} - (({column} % {size}) + {size}) % {size})");
}
