using System.Text.Json;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// Reads the JSON InfluxDB's <c>/query</c> answers with: <c>results[]</c>, one per statement, each with
/// <c>series[].{name, tags, columns, values}</c> or an <c>error</c>.
/// </summary>
internal static class InfluxQueryResponse
{
    /// <summary>The series of each statement, in statement order; throws <see cref="InfluxDbQueryException"/> on any error.</summary>
    public static List<List<InfluxSeries>> Parse(JsonDocument document)
    {
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var topError))
        {
            throw new InfluxDbQueryException("InfluxDB: " + topError.GetString());
        }

        var statements = new List<List<InfluxSeries>>();
        if (!root.TryGetProperty("results", out var results))
        {
            return statements;
        }

        foreach (var result in results.EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InfluxDbQueryException("InfluxDB: " + error.GetString());
            }

            if (result.TryGetProperty("partial", out var partial) && partial.ValueKind == JsonValueKind.True)
            {
                throw new InfluxDbQueryException(
                    "InfluxDB cut the result short (its [http] max-row-limit); narrow the query or raise the limit.");
            }

            var series = new List<InfluxSeries>();
            var previousPartial = false;
            if (result.TryGetProperty("series", out var seriesArray))
            {
                foreach (var item in seriesArray.EnumerateArray())
                {
                    var parsed = ParseSeries(item);

                    // InfluxDB 1.x builds its answer from chunks of 10 000 rows and, merging them, leaves "partial" on
                    // a series that it did complete; a continuation that arrives as its own entry is appended.
                    if (previousPartial && series.Count > 0 && SameSeries(series[^1], parsed))
                    {
                        series[^1].Rows.AddRange(parsed.Rows);
                    }
                    else
                    {
                        series.Add(parsed);
                    }

                    previousPartial = item.TryGetProperty("partial", out var seriesPartial) && seriesPartial.ValueKind == JsonValueKind.True;
                }
            }

            statements.Add(series);
        }

        return statements;
    }

    private static InfluxSeries ParseSeries(JsonElement item)
    {
        var name = item.TryGetProperty("name", out var nameElement) ? nameElement.GetString() ?? "" : "";
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (item.TryGetProperty("tags", out var tagsElement) && tagsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tagsElement.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.GetString() ?? "";
            }
        }

        var columns = new List<string>();
        if (item.TryGetProperty("columns", out var columnsElement))
        {
            foreach (var column in columnsElement.EnumerateArray())
            {
                columns.Add(column.GetString() ?? "");
            }
        }

        var rows = new List<InfluxValue[]>();
        if (item.TryGetProperty("values", out var values))
        {
            foreach (var row in values.EnumerateArray())
            {
                var cells = new InfluxValue[row.GetArrayLength()];
                var i = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    cells[i++] = InfluxValue.From(cell);
                }

                rows.Add(cells);
            }
        }

        return new InfluxSeries(name, tags, columns, rows);
    }

    private static bool SameSeries(InfluxSeries a, InfluxSeries b) =>
        string.Equals(a.Name, b.Name, StringComparison.Ordinal) &&
        a.Tags.Count == b.Tags.Count &&
        a.Tags.All(t => b.Tags.TryGetValue(t.Key, out var v) && string.Equals(v, t.Value, StringComparison.Ordinal));
}
