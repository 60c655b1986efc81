namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The embedded store's tables: a small dictionary of field series (measurement + tags + field, one id each) and
/// the samples, three fixed-width columns per value so that appends never marshal a string.
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
        """;

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
}
