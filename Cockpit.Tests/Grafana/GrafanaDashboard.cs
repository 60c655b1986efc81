using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cockpit.Tests.Grafana;

/// <summary>
/// A dashboard's JSON model, read the way Grafana reads it: panels (with the panels of collapsed rows), their
/// targets and time overrides, and the templating variables.
/// </summary>
public sealed class GrafanaDashboard
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    private GrafanaDashboard(string file, JsonObject json)
    {
        File = file;
        Json = json;
        Panels = [.. Flatten(json["panels"] as JsonArray)];
        Variables = [.. (json["templating"]?["list"] as JsonArray ?? []).Select(v => TemplateVariable.From(v!.AsObject()))];
    }

    /// <summary>The file name.</summary>
    public string File { get; }

    public JsonObject Json { get; }

    public string? Uid => Json["uid"]?.GetValue<string>();

    public string? Title => Json["title"]?.GetValue<string>();

    /// <summary>The default time range, e.g. <c>now-6h</c> to <c>now</c>.</summary>
    public (string From, string To) Time =>
        (Json["time"]?["from"]?.GetValue<string>() ?? "now-6h", Json["time"]?["to"]?.GetValue<string>() ?? "now");

    /// <summary>Every panel, rows and the panels inside collapsed rows included, in file order.</summary>
    public IReadOnlyList<DashboardPanel> Panels { get; }

    public IReadOnlyList<TemplateVariable> Variables { get; }

    /// <summary>Every panel target, with its panel.</summary>
    public IEnumerable<(DashboardPanel Panel, PanelTarget Target)> Targets =>
        Panels.SelectMany(p => p.Targets.Select(t => (p, t)));

    /// <summary>Every <c>datasource</c> value in panels, targets and variables, with where it was found.</summary>
    public IEnumerable<(string Where, JsonNode? Datasource)> DatasourceReferences()
    {
        foreach (var panel in Panels.Where(p => p.Json.ContainsKey("datasource")))
        {
            yield return ($"panel {panel.Id} '{panel.Title}'", panel.Json["datasource"]);
        }

        foreach (var (panel, target) in Targets)
        {
            yield return ($"panel {panel.Id} '{panel.Title}' target {target.RefId}", target.Datasource);
        }

        foreach (var variable in Variables.Where(v => v.Json.ContainsKey("datasource")))
        {
            yield return ($"variable {variable.Name}", variable.Json["datasource"]);
        }
    }

    /// <summary>Parses a dashboard file strictly (no comments, no trailing commas).</summary>
    public static GrafanaDashboard Load(string path) =>
        Parse(Path.GetFileName(path), System.IO.File.ReadAllText(path));

    public static GrafanaDashboard Parse(string file, string json) =>
        new(file, JsonNode.Parse(json, documentOptions: Strict)?.AsObject() ?? throw new JsonException($"{file} is null."));

    private static IEnumerable<DashboardPanel> Flatten(JsonArray? panels)
    {
        foreach (var node in panels ?? [])
        {
            var panel = DashboardPanel.From(node!.AsObject());
            yield return panel;

            // A collapsed row keeps its panels inside it; an expanded row's panels follow it at the top level.
            foreach (var nested in Flatten(node["panels"] as JsonArray))
            {
                yield return nested;
            }
        }
    }
}
