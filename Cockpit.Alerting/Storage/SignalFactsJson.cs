using System.Text.Json;
using System.Text.Json.Serialization;
using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Storage;

/// <summary>
/// How <see cref="SignalFacts"/> are kept in the <c>facts</c> columns: camel-case JSON with kinds and reasons as names,
/// so a stored row stays readable and survives reordering the enums. Null (no facts) is stored as SQL NULL.
/// </summary>
internal static class SignalFactsJson
{
    public static object Serialize(SignalFacts? facts) =>
        facts is null ? DBNull.Value : JsonSerializer.Serialize(facts, SignalFactsJsonContext.Default.SignalFacts);

    /// <summary>The facts of a stored row; null when there are none or they cannot be read (the summary still can).</summary>
    public static SignalFacts? Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, SignalFactsJsonContext.Default.SignalFacts);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SignalFacts))]
internal sealed partial class SignalFactsJsonContext : JsonSerializerContext;
