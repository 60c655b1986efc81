using System.Text.RegularExpressions;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Grafana;

/// <summary>
/// Runs a dashboard's queries against a real influxd the way Grafana would on opening it at <c>now</c>: the
/// templating variables first, each by its own query and in order (a variable's query may use the ones before it),
/// then every panel target with its panel's time range and interval.
/// </summary>
public sealed class DashboardQueryRunner(InfluxdServer influxd, string database, DateTimeOffset now, TimeSpan datasourceMinInterval)
{
    /// <summary>Runs the variables' queries, then every panel target; one check per query.</summary>
    public async Task<(IReadOnlyList<QueryCheck> Variables, IReadOnlyList<QueryCheck> Targets)> RunAsync(
        GrafanaDashboard dashboard, VariableChoice choice)
    {
        var (selections, variableChecks) = await ResolveVariablesAsync(dashboard, choice);
        var targetChecks = new List<QueryCheck>();
        foreach (var (panel, target) in dashboard.Targets)
        {
            var where = $"{dashboard.File} panel {panel.Id} '{panel.Title}' target {target.RefId}";
            if (!target.RawQuery || string.IsNullOrWhiteSpace(target.Query))
            {
                targetChecks.Add(new QueryCheck(where, target.Query ?? string.Empty, ["not a raw InfluxQL query: cannot be checked"]));
                continue;
            }

            var (from, to) = GrafanaTime.PanelRange(dashboard, panel, now);
            var interval = GrafanaTime.Interval(from, to, panel, datasourceMinInterval);
            var query = new GrafanaInterpolator(from, to, interval, selections).Interpolate(target.Query);
            targetChecks.Add(await CheckAsync(where, query));
        }

        return (variableChecks, targetChecks);
    }

    /// <summary>Sets every variable: its values from its own query against influxd, then the chosen selection.</summary>
    public async Task<(IReadOnlyDictionary<string, VariableSelection> Selections, IReadOnlyList<QueryCheck> Checks)> ResolveVariablesAsync(
        GrafanaDashboard dashboard, VariableChoice choice)
    {
        var selections = new Dictionary<string, VariableSelection>(StringComparer.Ordinal);
        var checks = new List<QueryCheck>();
        var (from, to) = (GrafanaTime.Resolve(dashboard.Time.From, now), GrafanaTime.Resolve(dashboard.Time.To, now));
        foreach (var variable in dashboard.Variables)
        {
            var where = $"{dashboard.File} variable ${variable.Name}";
            IReadOnlyList<string> values;
            switch (variable.Type)
            {
                case "query":
                    var query = new GrafanaInterpolator(from, to, datasourceMinInterval, selections).Interpolate(variable.Query ?? string.Empty);
                    var (check, found) = await RunVariableQueryAsync(where, query, variable);
                    checks.Add(check);
                    values = found;
                    break;
                case "custom":
                    values = [.. (variable.Query ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
                    break;
                case "constant" or "textbox":
                    values = [variable.Query ?? string.Empty];
                    break;
                default:
                    throw new NotSupportedException($"{where}: variables of type '{variable.Type}' are not supported by this check.");
            }

            if (values.Count > 0)
            {
                selections[variable.Name] = Select(variable, values, choice);
            }
        }

        return (selections, checks);
    }

    private async Task<(QueryCheck Check, IReadOnlyList<string> Values)> RunVariableQueryAsync(string where, string query, TemplateVariable variable)
    {
        var leftovers = GrafanaInterpolator.LeftoverReferences(query);
        if (leftovers.Count > 0)
        {
            return (new QueryCheck(where, query, [$"unresolved {string.Join(", ", leftovers)}"]), []);
        }

        var response = await QueryAsync(query);
        var problems = response.Problems().ToList();

        // SHOW TAG VALUES answers key/value pairs and Grafana offers the values; other queries offer their first column.
        var column = query.TrimStart().StartsWith("SHOW TAG VALUES", StringComparison.OrdinalIgnoreCase) ? "value" : null;
        var values = response.Results.SelectMany(r => r.Series)
            .SelectMany(s => s.Column(column ?? s.Columns.FirstOrDefault(c => c != "time") ?? string.Empty))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (variable.Regex is { } regex)
        {
            var pattern = new Regex(regex.Trim('/'), RegexOptions.None, TimeSpan.FromSeconds(1));
            values = [.. values.Select(v => pattern.Match(v)).Where(m => m.Success).Select(m => m.Groups.Count > 1 ? m.Groups[1].Value : m.Value).Distinct(StringComparer.Ordinal)];
        }

        values = variable.Sort switch
        {
            0 => values,
            1 => [.. values.Order(StringComparer.Ordinal)],
            2 => [.. values.OrderDescending(StringComparer.Ordinal)],
            _ => throw new NotSupportedException($"{where}: sort {variable.Sort} is not supported by this check."),
        };
        if (problems.Count == 0 && values.Count == 0)
        {
            problems.Add("no values");
        }

        return (new QueryCheck(where, query, problems), values);
    }

    private static VariableSelection Select(TemplateVariable variable, IReadOnlyList<string> values, VariableChoice choice)
    {
        if (choice == VariableChoice.FirstTwo)
        {
            return new VariableSelection(variable, [.. values.Take(variable.Multi ? 2 : 1)], IsAll: false);
        }

        if (variable.IncludeAll && (variable.Current.Count == 0 || variable.Current.Contains(TemplateVariable.AllToken)))
        {
            return new VariableSelection(variable, values, IsAll: true);
        }

        // A saved value that is no longer offered falls back to the first value, as in Grafana.
        var saved = variable.Current.Where(values.Contains).ToList();
        return new VariableSelection(variable, saved.Count > 0 ? saved : [values[0]], IsAll: false);
    }

    private async Task<QueryCheck> CheckAsync(string where, string query)
    {
        var leftovers = GrafanaInterpolator.LeftoverReferences(query);
        if (leftovers.Count > 0)
        {
            return new QueryCheck(where, query, [$"unresolved {string.Join(", ", leftovers)}"]);
        }

        var response = await QueryAsync(query);
        return new QueryCheck(where, query, response.Problems());
    }

    // Reads the answer whatever the status: a query influxd cannot parse is a 400 whose body names the error.
    private async Task<InfluxQlResponse> QueryAsync(string query)
    {
        using var client = influxd.CreateClient();
        using var response = await client.GetAsync($"query?db={Uri.EscapeDataString(database)}&q={Uri.EscapeDataString(query)}");
        var body = await response.Content.ReadAsStringAsync();
        return body.TrimStart().StartsWith('{')
            ? InfluxQlResponse.Parse(body)
            : InfluxQlResponse.Parse($$"""{"error":"HTTP {{(int)response.StatusCode}}"}""");
    }
}
