using System.Globalization;
using System.Text.Json;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.LineProtocol;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.Json;

/// <summary>
/// Decodes points sent as JSON: an array of objects, or newline-delimited objects (NDJSON), each
/// <c>{ "measurement": "complaints", "tags": { "region": "tianhe" }, "fields": { "count": 7 }, "time": … }</c>.
/// <c>time</c> is an integer in the request's precision or an RFC 3339 string, and may be left out ("now").
/// Fields are numbers or booleans (1/0); string fields are accepted and skipped, as in line protocol. Errors name
/// the object: its line for NDJSON, its 1-based position for an array.
/// </summary>
internal sealed class JsonPointDecoder(SeriesRegistry registry)
{
    public void Decode(ReadOnlySpan<byte> payload, in DecodeSettings settings, PointBuffer output, DecodeTally tally)
    {
        var start = 0;
        while (start < payload.Length && payload[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (payload[start..].StartsWith("\uFEFF"u8))
        {
            start += 3;
        }

        if (start < payload.Length && payload[start] == '[')
        {
            DecodeArray(payload, settings, output, tally);
        }
        else
        {
            DecodeLines(payload, settings, output, tally);
        }
    }

    private void DecodeArray(ReadOnlySpan<byte> payload, in DecodeSettings settings, PointBuffer output, DecodeTally tally)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var index = 0;
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                index++;
                DecodeOne(ref reader, index, "object", settings, output, tally);
            }
        }
        catch (JsonException ex)
        {
            tally.Reject(new WriteError(Math.Max(index, 1), $"invalid JSON ({ex.Message}); the objects after it were not read", "object"));
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader reads invalid UTF-8 inside a string without complaint; getting the string throws.
            tally.Reject(new WriteError(Math.Max(index, 1), "invalid UTF-8 in a JSON string; the objects after it were not read", "object"));
        }
    }

    private void DecodeLines(ReadOnlySpan<byte> payload, in DecodeSettings settings, PointBuffer output, DecodeTally tally)
    {
        var line = 0;
        while (!payload.IsEmpty)
        {
            line++;
            var newline = payload.IndexOf((byte)'\n');
            var text = newline < 0 ? payload : payload[..newline];
            payload = newline < 0 ? [] : payload[(newline + 1)..];
            if (text.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            var reader = new Utf8JsonReader(text);
            try
            {
                reader.Read();
                DecodeOne(ref reader, line, "line", settings, output, tally);
                if (reader.Read())
                {
                    throw new JsonException("more than one JSON value on the line");
                }
            }
            catch (JsonException ex)
            {
                tally.Reject(new WriteError(line, $"invalid JSON ({ex.Message})"));
            }
            catch (InvalidOperationException)
            {
                // Utf8JsonReader reads invalid UTF-8 inside a string without complaint; getting the string throws.
                tally.Reject(new WriteError(line, "invalid UTF-8 in a JSON string"));
            }
        }
    }

    private void DecodeOne(
        ref Utf8JsonReader reader, int number, string unit, in DecodeSettings settings, PointBuffer output, DecodeTally tally)
    {
        var mark = output.Count;
        var error = DecodeObject(ref reader, settings, output, tally);
        if (error is null)
        {
            tally.LinesAccepted++;
            return;
        }

        output.Truncate(mark);
        tally.Reject(new WriteError(number, error, unit));
    }

    // Returns null when the object was decoded, or what was wrong; the reader is left after the object either way.
    private string? DecodeObject(ref Utf8JsonReader reader, in DecodeSettings settings, PointBuffer output, DecodeTally tally)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = reader.TokenType;
            reader.Skip();
            return $"expected an object with measurement, tags, fields and time, found {kind}";
        }

        string? measurement = null;
        var tags = new List<KeyValuePair<string, string>>();
        var fields = new List<KeyValuePair<string, double>>();
        var timestamp = settings.DefaultTimestampNs;
        string? error = null;
        var sawFields = false;
        var stringFields = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "measurement":
                    measurement = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    error ??= string.IsNullOrEmpty(measurement) ? "measurement must be a non-empty string" : null;
                    break;
                case "tags":
                    var tagError = ReadTags(ref reader, tags);
                    error ??= tagError;
                    break;
                case "fields":
                    sawFields = true;
                    var fieldError = ReadFields(ref reader, fields, ref stringFields);
                    error ??= fieldError;
                    break;
                case "time":
                    var timeError = ReadTime(ref reader, settings, ref timestamp);
                    error ??= timeError;
                    break;
                default:
                    reader.Skip();
                    error ??= $"unknown property '{name}' (expected measurement, tags, fields, time)";
                    break;
            }
        }

        if (error is not null)
        {
            return error;
        }

        if (measurement is null)
        {
            return "missing measurement";
        }

        if (!sawFields || (fields.Count == 0 && stringFields == 0))
        {
            return "missing fields: give at least one numeric or boolean field";
        }

        if (timestamp > settings.MaxTimestampNs)
        {
            return $"time is {settings.TooFarAhead}";
        }

        var series = registry.Resolve(measurement, tags, []);
        if (series is null)
        {
            return registry.DescribeLimit(measurement, tags);
        }

        tally.StringFieldsSkipped += stringFields;
        foreach (var (field, value) in fields)
        {
            output.Add(new MetricPoint(series, field, value, timestamp, settings.Source));
        }

        return null;
    }

    private static string? ReadTags(ref Utf8JsonReader reader, List<KeyValuePair<string, string>> tags)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return "tags must be an object of strings";
        }

        string? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            string? value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => Utf8Text(ref reader),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => null,
            };
            if (value is null)
            {
                reader.Skip();
                error ??= $"tag '{key}' must be a string";
                continue;
            }

            if (key.Length == 0 || value.Length == 0)
            {
                error ??= key.Length == 0 ? "empty tag key" : $"tag '{key}' has no value";
            }
            else if (tags.Exists(t => t.Key == key))
            {
                error ??= $"duplicate tag key '{key}'";
            }
            else
            {
                tags.Add(KeyValuePair.Create(key, value));
            }
        }

        return error;
    }

    private string? ReadFields(ref Utf8JsonReader reader, List<KeyValuePair<string, double>> fields, ref int stringFields)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return "fields must be an object";
        }

        string? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Number when reader.TryGetDouble(out var number) && double.IsFinite(number):
                    fields.Add(KeyValuePair.Create((registry.InternField(System.Text.Encoding.UTF8.GetBytes(key)) ?? key), number));
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    fields.Add(KeyValuePair.Create((registry.InternField(System.Text.Encoding.UTF8.GetBytes(key)) ?? key), reader.TokenType == JsonTokenType.True ? 1.0 : 0.0));
                    break;
                case JsonTokenType.String or JsonTokenType.Null:
                    stringFields++;
                    break;
                case JsonTokenType.Number:
                    error ??= $"field '{key}' is out of the range of a 64-bit float";
                    break;
                default:
                    reader.Skip();
                    error ??= $"field '{key}' must be a number or a boolean";
                    break;
            }

            if (key.Length == 0)
            {
                error ??= "empty field key";
            }
        }

        return error;
    }

    private static string? ReadTime(ref Utf8JsonReader reader, in DecodeSettings settings, ref long timestamp)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (!reader.TryGetInt64(out var value) || !settings.TryScale(value, out timestamp))
                {
                    return $"time {Utf8Text(ref reader)} is not an integer number of {settings.PrecisionName} in range";
                }

                return null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                {
                    return $"time '{text}' is not an RFC 3339 date-time (e.g. 2026-11-24T09:30:00Z)";
                }

                timestamp = UnixTime.ToNanos(time);
                return null;
            default:
                reader.Skip();
                return "time must be an integer or an RFC 3339 string";
        }
    }

    private static string Utf8Text(ref Utf8JsonReader reader) =>
        System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
}
