using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// Turns a <see cref="MetricQuery"/> over a resolved <see cref="SeriesSelection"/> into DuckDB SQL. Series ids and
/// group numbers are integers the store made, so they are written inline (which lets DuckDB skip row groups); times
/// are parameters. Each part of the range is read from the resolution <see cref="Resolutions.Plan"/> chose as
/// partial aggregates per series and bucket, which the outer query combines per group.
/// </summary>
internal static class DuckDbQueryBuilder
{
    public static (string Sql, List<KeyValuePair<string, object>> Parameters) Build(MetricQuery query, SeriesSelection selection)
    {
        var bucketNs = UnixTime.ToNanos(query.Bucket);
        var parameters = new List<KeyValuePair<string, object>> { new("bucket", bucketNs) };

        var groups = new StringBuilder();
        var ids = new StringBuilder();
        foreach (var (entry, group) in selection.Members)
        {
            groups.Append(CultureInfo.InvariantCulture, $"{(groups.Length > 0 ? ", " : string.Empty)}({entry.Id}, {group})");
            ids.Append(CultureInfo.InvariantCulture, $"{(ids.Length > 0 ? ", " : string.Empty)}{entry.Id}");
        }

        var parts = new StringBuilder();
        var ranges = Resolutions.Plan(UnixTime.ToNanos(query.From), UnixTime.ToNanos(query.To), bucketNs);
        for (var i = 0; i < ranges.Count; i++)
        {
            parameters.Add(new($"lo{i}", ranges[i].FromNs));
            parameters.Add(new($"hi{i}", ranges[i].ToNs));
            if (i > 0)
            {
                parts.AppendLine("UNION ALL");
            }

            parts.AppendLine(ranges[i].Resolution == Resolution.Raw
                ? $"""
                    SELECT series_id AS id, ts // $bucket * $bucket AS b, count(*) AS c, sum(value) AS s, min(value) AS mn,
                           max(value) AS mx, arg_max(value, ts) AS l, max(ts) AS lt
                    FROM samples WHERE series_id IN ({ids}) AND ts >= $lo{i} AND ts < $hi{i} GROUP BY ALL
                    """
                : $"""
                    SELECT series_id AS id, bucket // $bucket * $bucket AS b, sum(cnt) AS c, sum(sum) AS s, min(min) AS mn,
                           max(max) AS mx, arg_max(last, last_ts) AS l, max(last_ts) AS lt
                    FROM {DuckDbSchema.RollupTable(ranges[i].Resolution)}
                    WHERE series_id IN ({ids}) AND bucket >= $lo{i} AND bucket < $hi{i} GROUP BY ALL
                    """);
        }

        var sql = $"""
            WITH g(id, grp) AS (VALUES {groups}),
            parts AS (
            {parts})
            SELECT g.grp, p.b, {AggregateSql(query.Aggregate)} AS v
            FROM parts p JOIN g ON g.id = p.id
            GROUP BY ALL
            ORDER BY ALL
            """;
        return (sql, parameters);
    }

    private static string AggregateSql(Aggregate aggregate) => aggregate switch
    {
        Aggregate.Mean => "sum(p.s) / sum(p.c)",
        Aggregate.Sum => "sum(p.s)",
        Aggregate.Min => "min(p.mn)",
        Aggregate.Max => "max(p.mx)",
        Aggregate.Count => "CAST(sum(p.c) AS DOUBLE)",
        Aggregate.Last => "arg_max(p.l, p.lt)",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown aggregate."),
    };
}
