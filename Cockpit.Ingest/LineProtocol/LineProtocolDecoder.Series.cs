using System.Text;
using System.Text.Unicode;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.LineProtocol;

// The slow path, taken the first time a raw spelling of a series or an escaped field name is seen.
internal sealed partial class LineProtocolDecoder
{
    private const int StackUnescapeLimit = 256;

    private LineError ResolveSeries(ReadOnlySpan<byte> raw, int rawOffset, out SeriesKey series)
    {
        series = null!;
        if (!Utf8.IsValid(raw))
        {
            return new LineError(LineErrorKind.InvalidUtf8);
        }

        var measurementEnd = IndexOfUnescaped(raw, (byte)',');
        var measurementBytes = measurementEnd < 0 ? raw : raw[..measurementEnd];
        if (measurementBytes.IsEmpty)
        {
            return new LineError(LineErrorKind.MissingMeasurement);
        }

        var measurement = Unescape(measurementBytes, escapesEquals: false);
        var tags = new List<KeyValuePair<string, string>>();
        var offset = measurementEnd;
        while (offset >= 0)
        {
            var start = offset + 1;
            var rest = raw[start..];
            var length = IndexOfUnescaped(rest, (byte)',');
            var tag = length < 0 ? rest : rest[..length];
            var tagError = ParseTag(tag, rawOffset + start, tags);
            if (tagError.IsError)
            {
                return tagError;
            }

            offset = length < 0 ? -1 : start + length;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            for (var j = i + 1; j < tags.Count; j++)
            {
                if (string.Equals(tags[i].Key, tags[j].Key, StringComparison.Ordinal))
                {
                    return new LineError(LineErrorKind.DuplicateTag, Detail: $"duplicate tag key '{tags[i].Key}'");
                }
            }
        }

        var resolved = registry.Resolve(measurement, tags, raw);
        if (resolved is null)
        {
            return new LineError(LineErrorKind.SeriesLimit, Detail: registry.DescribeLimit(measurement, tags));
        }

        series = resolved;
        return LineError.None;
    }

    private static LineError ParseTag(ReadOnlySpan<byte> tag, int offset, List<KeyValuePair<string, string>> tags)
    {
        var equals = IndexOfUnescaped(tag, (byte)'=');
        if (equals < 0)
        {
            return tag.IsEmpty
                ? new LineError(LineErrorKind.InvalidTag, offset, 0)
                : new LineError(LineErrorKind.EmptyTagValue, offset, tag.Length);
        }

        if (equals == 0)
        {
            return new LineError(LineErrorKind.EmptyTagKey, offset, tag.Length);
        }

        var valueBytes = tag[(equals + 1)..];
        if (valueBytes.IsEmpty)
        {
            return new LineError(LineErrorKind.EmptyTagValue, offset, equals);
        }

        if (IndexOfUnescaped(valueBytes, (byte)'=') >= 0)
        {
            return new LineError(LineErrorKind.InvalidTag, offset, tag.Length);
        }

        tags.Add(KeyValuePair.Create(Unescape(tag[..equals], escapesEquals: true), Unescape(valueBytes, escapesEquals: true)));
        return LineError.None;
    }

    private static string? InternEscapedField(ReadOnlySpan<byte> key, FieldNameCache fields)
    {
        Span<byte> scratch = key.Length <= StackUnescapeLimit ? stackalloc byte[key.Length] : new byte[key.Length];
        var length = UnescapeInto(key, scratch, escapesEquals: true);
        return fields.Intern(scratch[..length]);
    }

    private static int IndexOfUnescaped(ReadOnlySpan<byte> text, byte value)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(ReadOnlySpan<byte> text, bool escapesEquals)
    {
        if (text.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(text);
        }

        var scratch = new byte[text.Length];
        var length = UnescapeInto(text, scratch, escapesEquals);
        return Encoding.UTF8.GetString(scratch, 0, length);
    }

    // Line protocol escapes commas and spaces (and equals signs outside measurements); any other backslash is literal.
    private static int UnescapeInto(ReadOnlySpan<byte> text, Span<byte> destination, bool escapesEquals)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == '\\' && i + 1 < text.Length && (text[i + 1] is (byte)',' or (byte)' ' || (escapesEquals && text[i + 1] == '=')))
            {
                b = text[++i];
            }

            destination[length++] = b;
        }

        return length;
    }
}
