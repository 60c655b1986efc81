using System.Globalization;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The embedded store's tables: a small dictionary of field series (measurement + tags + field, one id each), the
/// raw samples (three fixed-width columns per value so that appends never marshal a string), and the 1-minute and
/// 1-hour rollups. A rollup row may be partial: several rows of the same series and bucket add up, and compaction
/// merges them.
/// </summary>
internal static class DuckDbSchema
{
    public const string FileName = "cockpit.duckdb";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS field_series (
            id          INTEGER PRIMARY KEY,
            key         VARCHAR NOT NULL,
            measurement VARCHAR NOT NULL,
            tags        VARCHAR NOT NULL,
            field       VARCHAR NOT NULL,
            UNIQUE (key, field)
        );
        CREATE TABLE IF NOT EXISTS samples (
            series_id INTEGER NOT NULL,
            ts        BIGINT  NOT NULL,
            value     DOUBLE  NOT NULL
        );
        CREATE TABLE IF NOT EXISTS log_cursor (
            partition INTEGER PRIMARY KEY,
            next      BIGINT  NOT NULL
        );
        """;

    /// <summary>Creates the rollup tables; run when <see cref="HasRollups"/> says they are missing.</summary>
    public static readonly string CreateRollups = RollupTableSql("rollup_1m") + RollupTableSql("rollup_1h");

    /// <summary>Whether the rollup tables exist (files from before rollups get them built from their samples).</summary>
    public const string HasRollups = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'rollup_1h'";

    /// <summary>Builds both rollups from every raw sample (for files written before rollups existed).</summary>
    public static readonly string BuildRollupsFromSamples = BuildSql("rollup_1m", Resolutions.MinuteNs) + BuildSql("rollup_1h", Resolutions.HourNs);

    /// <summary>True when the file still has the first layout (series + points with a field column).</summary>
    public const string HasFirstLayout = """
        SELECT count(*) FROM information_schema.columns WHERE table_name = 'points' AND column_name = 'field'
        """;

    /// <summary>Moves data of the first layout into the current one, in one transaction.</summary>
    public const string MigrateFirstLayout = """
        BEGIN TRANSACTION;
        INSERT INTO field_series
            SELECT row_number() OVER (ORDER BY s.id, f.field), s.key, s.measurement, s.tags, f.field
            FROM series s JOIN (SELECT DISTINCT series_id, field FROM points) f ON f.series_id = s.id;
        INSERT INTO samples
            SELECT fs.id, p.ts, p.value
            FROM points p JOIN series s ON s.id = p.series_id JOIN field_series fs ON fs.key = s.key AND fs.field = p.field;
        DROP TABLE points;
        DROP TABLE series;
        COMMIT;
        """;

    public static string RollupTable(Resolution resolution) => resolution switch
    {
        Resolution.Minute => "rollup_1m",
        Resolution.Hour => "rollup_1h",
        _ => throw new ArgumentOutOfRangeException(nameof(resolution), resolution, "Raw points have no rollup table."),
    };

    /// <summary>
    /// Merges the partial rows of one rollup in [<paramref name="fromNs"/>, <paramref name="toNs"/>) into one row per
    /// series and bucket, in one transaction; rows written sorted by series so that DuckDB's zone maps help queries of
    /// a few series.
    /// </summary>
    public static string Compact(Resolution resolution, long fromNs, long toNs) =>
        "BEGIN TRANSACTION;\n" + CompactSql(RollupTable(resolution), fromNs, toNs) + "COMMIT;\n";

    /// <summary>How many raw points of each series are older than <paramref name="rawCutoffNs"/> (only old rows are read).</summary>
    public static string RawPointsBefore(long rawCutoffNs) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT series_id, count(*) FROM samples WHERE ts < {rawCutoffNs} GROUP BY ALL");

    /// <summary>Deletes what each resolution no longer keeps; a bucket goes once all of it is past its cutoff.</summary>
    public static string Retention(long rawCutoffNs, long minuteCutoffNs, long hourCutoffNs) => string.Create(CultureInfo.InvariantCulture, $"""
        DELETE FROM samples WHERE ts < {rawCutoffNs};
        DELETE FROM rollup_1m WHERE bucket + {Resolutions.MinuteNs} <= {minuteCutoffNs};
        DELETE FROM rollup_1h WHERE bucket + {Resolutions.HourNs} <= {hourCutoffNs};
        """);

    private static string RollupTableSql(string table) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            series_id INTEGER NOT NULL,
            bucket    BIGINT  NOT NULL,
            cnt       BIGINT  NOT NULL,
            sum       DOUBLE  NOT NULL,
            min       DOUBLE  NOT NULL,
            max       DOUBLE  NOT NULL,
            last      DOUBLE  NOT NULL,
            last_ts   BIGINT  NOT NULL
        );

        """;

    private static string BuildSql(string table, long sizeNs) => string.Create(CultureInfo.InvariantCulture, $"""
        INSERT INTO {table}
            SELECT series_id, ts // {sizeNs} * {sizeNs}, count(*), sum(value), min(value), max(value), arg_max(value, ts), max(ts)
            FROM samples GROUP BY ALL ORDER BY ALL;

        """);

    private static string CompactSql(string table, long fromNs, long toNs) => string.Create(CultureInfo.InvariantCulture, $"""
        CREATE OR REPLACE TEMP TABLE merged AS
            SELECT series_id, bucket, sum(cnt) AS cnt, sum(sum) AS sum, min(min) AS min, max(max) AS max,
                   arg_max(last, last_ts) AS last, max(last_ts) AS last_ts
            FROM {table} WHERE bucket >= {fromNs} AND bucket < {toNs}
            GROUP BY series_id, bucket HAVING count(*) > 1;
        DELETE FROM {table} USING merged m WHERE {table}.series_id = m.series_id AND {table}.bucket = m.bucket;
        INSERT INTO {table} SELECT * FROM merged ORDER BY series_id, bucket;
        DROP TABLE merged;

        """);
}
