using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cockpit.Detection.Rules.Catalog;

/// <summary>
/// A rule as JSON, shaped exactly like an entry of <c>Cockpit:Detection:Rules</c> in appsettings.json (same property
/// names, enums as names, durations as <c>hh:mm:ss</c>), so an admin can paste between the two. Unknown properties are
/// errors, not silently dropped: a typo like <c>FireAbov</c> would otherwise leave the old value in force.
/// </summary>
public static class RuleJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>The rule as indented JSON.</summary>
    public static string Write(DetectionRuleOptions rule) => JsonSerializer.Serialize(rule, Options);

    /// <summary>
    /// The rule as indented JSON with only what differs from the defaults (plus what it watches and its detector), the
    /// way appsettings.json states rules: what a person reads and edits. Reading it back gives the same rule.
    /// </summary>
    public static string WriteCompact(DetectionRuleOptions rule)
    {
        var full = JsonSerializer.SerializeToNode(rule, Options)!.AsObject();
        var defaults = JsonSerializer.SerializeToNode(new DetectionRuleOptions(), Options)!.AsObject();
        DropDefaults(full, defaults, keep: ["Name", "Measurement", "Field", "Detector"]);
        return full.ToJsonString(Options);
    }

    /// <summary>A deep copy (options objects are mutable and shared with configuration).</summary>
    public static DetectionRuleOptions Copy(DetectionRuleOptions rule) => Read(Write(rule)).Rule!;

    /// <summary>Parses a rule; on bad JSON, an error that names the line, the column and the property path.</summary>
    public static (DetectionRuleOptions? Rule, string? Error) Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, "The rule is empty: expected a JSON object like an entry of Cockpit:Detection:Rules.");
        }

        try
        {
            var rule = JsonSerializer.Deserialize<DetectionRuleOptions>(json, Options);
            return rule is null ? (null, "The rule is null: expected a JSON object.") : (rule, null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"Line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "The rule";
            var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" ({ex.Path.TrimStart('$', '.')})";
            return (null, $"{where}{path}: {Explain(ex)}");
        }
    }

    private static void DropDefaults(JsonObject values, JsonObject defaults, string[] keep)
    {
        foreach (var (name, value) in values.ToList())
        {
            if (keep.Contains(name) || !defaults.TryGetPropertyValue(name, out var fallback))
            {
                continue;
            }

            if (value is JsonObject section && fallback is JsonObject sectionDefaults)
            {
                DropDefaults(section, sectionDefaults, []);
                if (section.Count == 0)
                {
                    values.Remove(name);
                }
            }
            else if (JsonNode.DeepEquals(value, fallback))
            {
                values.Remove(name);
            }
        }
    }

    // The serializer's messages name CLR types ("could not be converted to System.TimeSpan"); say what to write instead.
    private static string Explain(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
            return end > start ? $"unknown property {message[start..(end + 1)]}." : "unknown property.";
        }

        if (message.Contains("System.TimeSpan", StringComparison.Ordinal))
        {
            return "expected a duration like \"00:05:00\" (hh:mm:ss) or \"1.00:00:00\" (one day).";
        }

        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return "the value has the wrong type or is not one of the allowed names.";
        }

        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
