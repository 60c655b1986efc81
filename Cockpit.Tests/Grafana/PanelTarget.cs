using System.Text.Json.Nodes;

namespace Cockpit.Tests.Grafana;

/// <summary>One query of a panel (an InfluxQL target).</summary>
/// <param name="RefId">The query's letter.</param>
/// <param name="Query">The raw InfluxQL, when <paramref name="RawQuery"/>.</param>
/// <param name="RawQuery">Whether the target is written as raw InfluxQL rather than with the query builder.</param>
/// <param name="Hidden">Whether Grafana skips it (<c>hide</c>).</param>
/// <param name="Datasource">The target's <c>datasource</c>.</param>
public sealed record PanelTarget(string RefId, string? Query, bool RawQuery, bool Hidden, JsonNode? Datasource)
{
    public static PanelTarget From(JsonObject json) => new(
        json["refId"]?.GetValue<string>() ?? string.Empty,
        json["query"]?.GetValue<string>(),
        json["rawQuery"]?.GetValue<bool>() ?? false,
        json["hide"]?.GetValue<bool>() ?? false,
        json["datasource"]);
}
