using System.Text.Json.Nodes;

namespace Cockpit.Tests.Grafana;

/// <summary>A panel of a dashboard: what it shows, its queries and the time overrides Grafana applies to them.</summary>
/// <param name="Id">The panel id (unique within a dashboard).</param>
/// <param name="Type">The visualisation, e.g. <c>timeseries</c>, or <c>row</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="TimeFrom">Relative time (<c>timeFrom</c>, e.g. <c>1h</c>): the panel shows now-1h to now.</param>
/// <param name="TimeShift">Time shift (<c>timeShift</c>, e.g. <c>7d</c>): the panel's range moved back by it.</param>
/// <param name="MinInterval">Minimum interval (<c>interval</c>): the floor of <c>$__interval</c>.</param>
/// <param name="MaxDataPoints">Most points a query should return; Grafana's default is the panel's width in pixels.</param>
/// <param name="Targets">The queries.</param>
/// <param name="Json">The panel's JSON.</param>
public sealed record DashboardPanel(
    int? Id,
    string Type,
    string Title,
    string? TimeFrom,
    string? TimeShift,
    string? MinInterval,
    int? MaxDataPoints,
    IReadOnlyList<PanelTarget> Targets,
    JsonObject Json)
{
    public static DashboardPanel From(JsonObject json) => new(
        json["id"]?.GetValue<int>(),
        json["type"]?.GetValue<string>() ?? string.Empty,
        json["title"]?.GetValue<string>() ?? string.Empty,
        NonEmpty(json["timeFrom"]),
        NonEmpty(json["timeShift"]),
        NonEmpty(json["interval"]),
        json["maxDataPoints"]?.GetValue<int>(),
        [.. (json["targets"] as JsonArray ?? []).Select(t => PanelTarget.From(t!.AsObject()))],
        json);

    private static string? NonEmpty(JsonNode? node) => node?.GetValue<string>() is { Length: > 0 } text ? text : null;
}
