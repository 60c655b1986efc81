using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// The InfluxQL statements the store sends. Every name is a double-quoted identifier and every tag value a
/// single-quoted literal, escaped the way InfluxQL's scanner reads them back (<c>\\</c>, <c>\"</c>, <c>\'</c>,
/// <c>\n</c>), so quotes, backslashes, spaces, commas, equals signs and Chinese in tags are data, never syntax.
/// Times are integer nanoseconds (InfluxQL reads a bare integer as ns since the epoch).
/// </summary>
internal static class InfluxQl
{
    /// <summary>
    /// The aggregate of one field per time bucket and group, or null when a tag filter can match nothing (an empty
    /// value, which no stored tag has: InfluxDB would take <c>"tag" = ''</c> for "the tag is missing").
    /// </summary>
    public static string? Select(MetricQuery query, string? retentionPolicy)
    {
        var sql = new StringBuilder(256);
        sql.Append(CultureInfo.InvariantCulture, $"SELECT {Function(query.Aggregate)}({Identifier(query.Field)}) FROM {Measurement(query.Measurement, retentionPolicy)}");
        sql.Append(CultureInfo.InvariantCulture, $" WHERE time >= {UnixTime.ToNanos(query.From)} AND time < {UnixTime.ToNanos(query.To)}");
        foreach (var (key, values) in query.TagFilters)
        {
            if (values.Count == 0)
            {
                continue;
            }

            var accepted = values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            if (accepted.Count == 0)
            {
                return null;
            }

            sql.Append(" AND (");
            for (var i = 0; i < accepted.Count; i++)
            {
                sql.Append(i > 0 ? " OR " : string.Empty).Append(Identifier(key)).Append(" = ").Append(StringLiteral(accepted[i]));
            }

            sql.Append(')');
        }

        // InfluxDB aligns GROUP BY time() buckets to the epoch, as the contract asks.
        sql.Append(CultureInfo.InvariantCulture, $" GROUP BY time({UnixTime.ToNanos(query.Bucket)}ns)");
        foreach (var key in query.GroupBy)
        {
            sql.Append(", ").Append(Identifier(key));
        }

        return sql.Append(" fill(none)").ToString();
    }

    /// <summary>Field keys and types, of one measurement or of all.</summary>
    public static string ShowFieldKeys(string? measurement, string? retentionPolicy) =>
        measurement is not null ? $"SHOW FIELD KEYS FROM {Measurement(measurement, retentionPolicy)}"
        : string.IsNullOrEmpty(retentionPolicy) ? "SHOW FIELD KEYS"
        : $"SHOW FIELD KEYS FROM {Identifier(retentionPolicy)}./.*/";

    /// <summary>
    /// Two statements: the point count of one field per series, then its newest point per series. Separate
    /// statements because a selector (last) only reports its point's time when it is alone in the SELECT.
    /// </summary>
    public static string FieldStatistics(string measurement, string field, string? retentionPolicy)
    {
        var from = Measurement(measurement, retentionPolicy);
        var quoted = Identifier(field);
        return $"SELECT count({quoted}) FROM {from} GROUP BY *; SELECT last({quoted}) FROM {from} GROUP BY *";
    }

    public static string ShowTagValues(string measurement, string tagKey, string? retentionPolicy) =>
        $"SHOW TAG VALUES FROM {Measurement(measurement, retentionPolicy)} WITH KEY = {Identifier(tagKey)}";

    /// <summary>Deletes every point before <paramref name="cutoff"/>, in every measurement and retention policy of the database.</summary>
    public static string DeleteBefore(DateTimeOffset cutoff) =>
        string.Create(CultureInfo.InvariantCulture, $"DELETE WHERE time < {UnixTime.ToNanos(cutoff)}");

    public static string Measurement(string measurement, string? retentionPolicy) =>
        string.IsNullOrEmpty(retentionPolicy) ? Identifier(measurement) : Identifier(retentionPolicy) + "." + Identifier(measurement);

    public static string Identifier(string name) => Quote(name, '"');

    public static string StringLiteral(string value) => Quote(value, '\'');

    private static string Function(Aggregate aggregate) => aggregate switch
    {
        Aggregate.Mean => "mean",
        Aggregate.Sum => "sum",
        Aggregate.Min => "min",
        Aggregate.Max => "max",
        Aggregate.Count => "count",
        Aggregate.Last => "last",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, "Unknown aggregate."),
    };

    private static string Quote(string text, char quote)
    {
        var quoted = new StringBuilder(text.Length + 8).Append(quote);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\\' => quoted.Append(@"\\"),
                '"' => quoted.Append("\\\""),
                '\'' => quoted.Append(@"\'"),
                '\n' => quoted.Append(@"\n"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append(quote).ToString();
    }
}
