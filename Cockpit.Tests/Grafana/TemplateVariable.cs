using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Tests.Grafana;

/// <summary>A dashboard's templating variable.</summary>
/// <param name="Name">Its name: <c>$name</c>, <c>${name}</c> or <c>[[name]]</c> in queries.</param>
/// <param name="Type">The kind: <c>query</c>, <c>custom</c>, <c>constant</c>, …</param>
/// <param name="Query">A query variable's InfluxQL (e.g. <c>SHOW TAG VALUES …</c>); a custom variable's comma-separated values.</param>
/// <param name="Multi">Whether several values may be selected.</param>
/// <param name="IncludeAll">Whether "All" is offered.</param>
/// <param name="AllValue">What "All" stands for when set (e.g. <c>.*</c>); otherwise every value.</param>
/// <param name="Regex">Grafana's filter on the query's values.</param>
/// <param name="Sort">Grafana's sort: 0 none, 1 alphabetical, 2 alphabetical descending.</param>
/// <param name="Current">The saved selection; <c>$__all</c> is "All".</param>
/// <param name="Json">The variable's JSON.</param>
public sealed record TemplateVariable(
    string Name,
    string Type,
    string? Query,
    bool Multi,
    bool IncludeAll,
    string? AllValue,
    string? Regex,
    int Sort,
    IReadOnlyList<string> Current,
    JsonObject Json)
{
    /// <summary>Grafana's value for "All".</summary>
    public const string AllToken = "$__all";

    public static TemplateVariable From(JsonObject json) => new(
        json["name"]?.GetValue<string>() ?? string.Empty,
        json["type"]?.GetValue<string>() ?? string.Empty,
        // Grafana 10+ may keep a query variable's query as an object with a "query" property.
        json["query"] switch
        {
            JsonValue value => value.GetValue<string>(),
            JsonObject query => query["query"]?.GetValue<string>(),
            _ => null,
        },
        json["multi"]?.GetValue<bool>() ?? false,
        json["includeAll"]?.GetValue<bool>() ?? false,
        json["allValue"]?.GetValue<string>() is { Length: > 0 } all ? all : null,
        json["regex"]?.GetValue<string>() is { Length: > 0 } regex ? regex : null,
        json["sort"]?.GetValue<int>() ?? 0,
        json["current"]?["value"] switch
        {
            JsonArray values => [.. values.Select(v => v!.GetValue<string>())],
            JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
            _ => [],
        },
        json);

    /// <summary>Whether the query's values go through regex escaping (Grafana's InfluxDB datasource does so for these).</summary>
    public bool RegexFormatted => Multi || IncludeAll;
}
