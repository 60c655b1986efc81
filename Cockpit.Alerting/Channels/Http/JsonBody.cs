using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cockpit.Alerting.Channels.Http;

/// <summary>
/// Writes a channel's JSON payload. Chinese and other non-ASCII text goes out as UTF-8 rather than <c>\uXXXX</c>, so
/// byte limits count what the platform counts; the JSON is not embedded in HTML, so HTML characters need no escaping.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The UTF-8 JSON that <paramref name="write"/> writes.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Writes a string map as an object with its keys in ordinal order.</summary>
    public static void WriteSorted(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        writer.WriteStartObject(name);
        foreach (var (key, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }
}
