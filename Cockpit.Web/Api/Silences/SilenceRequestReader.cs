using System.Globalization;
using System.Text.Json;
using Cockpit.Alerting.Silences;

namespace Cockpit.Web.Api.Silences;

/// <summary>
/// Turns the body of <c>POST /api/silences</c> into a <see cref="SilenceRequest"/>, naming every problem at once.
/// Matchers come in Alertmanager's v2 shape (<c>{"name","value","isRegex","isEqual"}</c>) or as strings
/// (<c>"region=tianhe"</c>); the end as <c>endsAt</c> or as a <c>duration</c> from the start. Other properties
/// (Alertmanager clients send <c>createdBy</c> and <c>id</c>) are ignored: the author is the caller.
/// </summary>
internal static class SilenceRequestReader
{
    /// <summary>The request, or null with the problems (plain text, one each).</summary>
    public static SilenceRequest? Read(JsonElement body, DateTimeOffset now, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var matchers = ReadMatchers(body, problems);
        var startsAt = ReadTime(body, "startsAt", problems);
        var (endsAt, fromDuration) = ReadEnd(body, startsAt ?? now, problems);
        var comment = ReadString(body, "comment", problems) ?? "";
        errors = problems;

        // A duration counts from the start: pin it, or the book's own (slightly later) now would shorten the silence.
        return problems.Count > 0 || endsAt is null
            ? null
            : new SilenceRequest(matchers, fromDuration ? startsAt ?? now : startsAt, endsAt.Value, comment);
    }

    private static List<LabelMatcher> ReadMatchers(JsonElement body, List<string> problems)
    {
        var matchers = new List<LabelMatcher>();
        if (!body.TryGetProperty("matchers", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            problems.Add("\"matchers\" must be an array of matchers, e.g. [{\"name\":\"region\",\"value\":\"tianhe\",\"isRegex\":false,\"isEqual\":true}] or [\"region=tianhe\"].");
            return matchers;
        }

        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (ReadMatcher(item, out var error) is { } matcher)
            {
                matchers.Add(matcher);
            }
            else
            {
                problems.Add($"matchers[{index}]: {error}");
            }

            index++;
        }

        return matchers;
    }

    private static LabelMatcher? ReadMatcher(JsonElement item, out string error)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            if (LabelMatcherParser.TryParse(item.GetString()!, out var parsed, out var parseError))
            {
                error = "";
                return parsed;
            }

            error = parseError;
            return null;
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            error = $"a matcher is an object {{name, value, isRegex, isEqual}} or a string like \"region=tianhe\", not {JsonBody.Describe(item.ValueKind)}.";
            return null;
        }

        var problems = new List<string>();
        var name = ReadString(item, "name", problems);
        var value = ReadString(item, "value", problems);
        var isRegex = ReadBool(item, "isRegex", false, problems);
        var isEqual = ReadBool(item, "isEqual", true, problems);
        if (name is null && problems.Count == 0)
        {
            problems.Add("\"name\" is missing.");
        }

        if (value is null && problems.Count == 0)
        {
            problems.Add("\"value\" is missing.");
        }

        if (problems.Count > 0)
        {
            error = string.Join(" ", problems);
            return null;
        }

        if (LabelMatcherParser.TryCreate(name!, MatcherJson.OperatorOf(isRegex, isEqual), value!, out var matcher, out var createError))
        {
            error = "";
            return matcher;
        }

        error = createError;
        return null;
    }

    private static (DateTimeOffset? EndsAt, bool FromDuration) ReadEnd(JsonElement body, DateTimeOffset start, List<string> problems)
    {
        var hasEnd = body.TryGetProperty("endsAt", out var end) && end.ValueKind != JsonValueKind.Null;
        var hasDuration = body.TryGetProperty("duration", out var duration) && duration.ValueKind != JsonValueKind.Null;
        if (hasEnd && hasDuration)
        {
            problems.Add("Give \"endsAt\" or \"duration\", not both.");
            return (null, false);
        }

        if (hasEnd)
        {
            return (ReadTime(body, "endsAt", problems), false);
        }

        if (!hasDuration)
        {
            problems.Add("\"endsAt\" (a time, e.g. 2026-11-24T18:00:00+08:00) or \"duration\" (e.g. \"2h\", \"90m\", \"01:30:00\") is required.");
            return (null, false);
        }

        if (duration.ValueKind != JsonValueKind.String || !SilenceDuration.TryParse(duration.GetString()!, out var length))
        {
            problems.Add($"\"duration\" {duration.GetRawText()} is not a duration; write e.g. \"2h\", \"90m\", \"1h30m\" or \"01:30:00\".");
            return (null, false);
        }

        if (length <= TimeSpan.Zero)
        {
            problems.Add($"\"duration\" must be positive, not {length.ToString("c", CultureInfo.InvariantCulture)}.");
            return (null, false);
        }

        try
        {
            return (start + length, true);
        }
        catch (ArgumentOutOfRangeException)
        {
            problems.Add($"\"duration\" {duration.GetRawText()} ends beyond the last representable time.");
            return (null, false);
        }
    }

    private static DateTimeOffset? ReadTime(JsonElement body, string property, List<string> problems)
    {
        if (!body.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        // Without an offset the server's own zone would decide what the time means: refuse rather than guess.
        if (value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time) && HasOffset(value.GetString()!))
        {
            return time;
        }

        problems.Add($"\"{property}\" {value.GetRawText()} is not a time; write ISO 8601 with an offset, e.g. 2026-11-24T18:00:00+08:00 or 2026-11-24T10:00:00Z.");
        return null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');

    private static string? ReadString(JsonElement body, string property, List<string> problems)
    {
        if (!body.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"\"{property}\" must be a string, not {JsonBody.Describe(value.ValueKind)}.");
        return null;
    }

    private static bool ReadBool(JsonElement body, string property, bool absent, List<string> problems)
    {
        if (!body.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return absent;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        problems.Add($"\"{property}\" must be true or false, not {JsonBody.Describe(value.ValueKind)}.");
        return absent;
    }
}
