using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Tests.Grafana;

/// <summary>InfluxDB's JSON answer to <c>/query</c>: one result per statement, each an error or a list of series.</summary>
public sealed class InfluxQlResponse
{
    private InfluxQlResponse(string? error, IReadOnlyList<StatementResult> results)
    {
        Error = error;
        Results = results;
    }

    /// <summary>An error for the whole request (e.g. a parse error).</summary>
    public string? Error { get; }

    public IReadOnlyList<StatementResult> Results { get; }

    public static InfluxQlResponse Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new JsonException("Empty answer.");
        var results = (root["results"] as JsonArray ?? []).Select(r => new StatementResult(
            r?["error"]?.GetValue<string>(),
            [.. (r?["series"] as JsonArray ?? []).Select(s => Series.From(s!.AsObject()))]));
        return new InfluxQlResponse(root["error"]?.GetValue<string>(), [.. results]);
    }

    /// <summary>
    /// What makes the answer useless to a panel: an error, a statement without series, series without one non-null
    /// value, or a series tag with an empty value (a GROUP BY on a tag that does not exist). Empty when all is well.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Error is not null)
        {
            problems.Add($"error: {Error}");
        }

        if (Error is null && Results.Count == 0)
        {
            problems.Add("no result");
        }

        for (var i = 0; i < Results.Count; i++)
        {
            var result = Results[i];
            var statement = Results.Count > 1 ? $"statement {i}: " : string.Empty;
            if (result.Error is not null)
            {
                problems.Add($"{statement}error: {result.Error}");
            }
            else if (result.Series.Count == 0)
            {
                problems.Add($"{statement}no series");
            }
            else if (!result.Series.Any(s => s.HasNonNullValue))
            {
                problems.Add($"{statement}{result.Series.Count} series, every value null");
            }

            foreach (var series in result.Series)
            {
                foreach (var (key, value) in series.Tags.Where(t => t.Value.Length == 0))
                {
                    problems.Add($"{statement}series '{series.Name}' has an empty tag '{key}' (no such tag?)");
                }
            }
        }

        return problems;
    }

    /// <summary>One statement's answer.</summary>
    public sealed record StatementResult(string? Error, IReadOnlyList<Series> Series);

    /// <summary>One series: name, tags, columns and rows.</summary>
    public sealed record Series(string Name, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Columns, IReadOnlyList<JsonArray> Rows)
    {
        /// <summary>Whether any value outside the time column is not null.</summary>
        public bool HasNonNullValue => Rows.Any(row => row.Where((_, i) => Columns[i] != "time").Any(v => v is not null));

        /// <summary>The values of a column, as text (e.g. <c>SHOW TAG VALUES</c>' <c>value</c>).</summary>
        public IEnumerable<string> Column(string name)
        {
            var index = Columns.ToList().IndexOf(name);
            return index < 0 ? [] : Rows.Select(r => r[index]?.ToString() ?? string.Empty);
        }

        public static Series From(JsonObject json) => new(
            json["name"]?.GetValue<string>() ?? string.Empty,
            (json["tags"] as JsonObject ?? []).ToDictionary(t => t.Key, t => t.Value?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal),
            [.. (json["columns"] as JsonArray ?? []).Select(c => c!.GetValue<string>())],
            [.. (json["values"] as JsonArray ?? []).Select(v => v!.AsArray())]);
    }
}
