using System.Text.Json;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>One cell of an InfluxDB result row: a number (kept as both integer and double, since nanosecond times
/// do not fit a double exactly), a string, or null.</summary>
internal readonly record struct InfluxValue(JsonValueKind Kind, long Integer, double Number, string? Text)
{
    public bool IsNull => Kind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static InfluxValue From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => new(
            JsonValueKind.Number,
            element.TryGetInt64(out var integer) ? integer : (long)element.GetDouble(),
            element.GetDouble(),
            null),
        JsonValueKind.String => new(JsonValueKind.String, 0, double.NaN, element.GetString()),
        JsonValueKind.True => new(JsonValueKind.Number, 1, 1, null),
        JsonValueKind.False => new(JsonValueKind.Number, 0, 0, null),
        _ => new(JsonValueKind.Null, 0, double.NaN, null),
    };
}
