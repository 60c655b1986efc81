using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// Turns a <see cref="MetricQuery"/> into DuckDB SQL. Every value, tag key included, is a parameter;
/// tags are resolved on the small field-series table first so that points are only joined and bucketed.
/// </summary>
internal static class DuckDbQueryBuilder
{
    public static (string Sql, List<KeyValuePair<string, object>> Parameters) Build(MetricQuery query)
    {
        var parameters = new List<KeyValuePair<string, object>>
        {
            new("m", query.Measurement),
            new("f", query.Field),
            new("from", UnixTime.ToNanos(query.From)),
            new("to", UnixTime.ToNanos(query.To)),
            new("bucket", UnixTime.ToNanos(query.Bucket)),
        };

        var groupColumns = new StringBuilder();
        var groupNames = new StringBuilder();
        for (var i = 0; i < query.GroupBy.Count; i++)
        {
            parameters.Add(new($"g{i}", JsonPath(query.GroupBy[i])));
            groupColumns.Append(CultureInfo.InvariantCulture, $", coalesce(json_extract_string(tags, $g{i}), '') AS g{i}");
            groupNames.Append(CultureInfo.InvariantCulture, $"s.g{i}, ");
        }

        var filters = new StringBuilder();
        var filterIndex = 0;
        foreach (var (key, values) in query.TagFilters)
        {
            if (values.Count == 0)
            {
                continue;
            }

            parameters.Add(new($"k{filterIndex}", JsonPath(key)));
            filters.Append(CultureInfo.InvariantCulture, $" AND json_extract_string(tags, $k{filterIndex}) IN (");
            for (var v = 0; v < values.Count; v++)
            {
                parameters.Add(new($"k{filterIndex}v{v}", values[v]));
                filters.Append(CultureInfo.InvariantCulture, $"{(v > 0 ? ", " : string.Empty)}$k{filterIndex}v{v}");
            }

            filters.Append(')');
            filterIndex++;
        }

        var sql = $"""
            WITH s AS (
                SELECT id{groupColumns} FROM field_series WHERE measurement = $m AND field = $f{filters}
            )
            SELECT {groupNames}(p.ts // $bucket) * $bucket AS b, {AggregateSql(query.Aggregate)} AS v
            FROM samples p JOIN s ON s.id = p.series_id
            WHERE p.ts >= $from AND p.ts < $to
            GROUP BY ALL
            ORDER BY ALL
            """;
        return (sql, parameters);
    }

    private static string AggregateSql(Aggregate aggregate) => aggregate switch
    {
        Aggregate.Mean => "avg(p.value)",
        Aggregate.Sum => "sum(p.value)",
        Aggregate.Min => "min(p.value)",
        Aggregate.Max => "max(p.value)",
        Aggregate.Count => "CAST(count(p.value) AS DOUBLE)",
        Aggregate.Last => "arg_max(p.value, p.ts)",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown aggregate."),
    };

    // A JSON path that addresses the key literally, whatever characters it holds.
    private static string JsonPath(string key) => "$.\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
