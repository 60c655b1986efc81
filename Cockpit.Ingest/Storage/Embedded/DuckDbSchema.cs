namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>The embedded store's tables. Points are kept long (one row per field value) with a small series dictionary.</summary>
internal static class DuckDbSchema
{
    public const string FileName = "cockpit.duckdb";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS series (
            id          INTEGER PRIMARY KEY,
            key         VARCHAR NOT NULL UNIQUE,
            measurement VARCHAR NOT NULL,
            tags        VARCHAR NOT NULL
        );
        CREATE TABLE IF NOT EXISTS points (
            series_id INTEGER NOT NULL,
            field     VARCHAR NOT NULL,
            ts        BIGINT  NOT NULL,
            value     DOUBLE  NOT NULL
        );
        """;
}
