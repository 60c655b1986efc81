using System.Buffers;
using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Series;

namespace Cockpit.Ingest.LineProtocol;

/// <summary>
/// Decodes InfluxDB line protocol from UTF-8 bytes: <c>measurement[,tag=value...] field=value[,...] [timestamp]</c>,
/// with the published escaping rules, string/float/integer/unsigned/boolean field values, blank lines and comments.
/// Each numeric or boolean field becomes a <see cref="MetricPoint"/> (booleans as 1/0); string fields are valid
/// but not stored, since Cockpit keeps numbers. A bad line is skipped whole and counted; the lines around it are
/// kept. Series already seen are found from their raw bytes, so steady-state decoding allocates nothing.
/// Stateless apart from the shared <see cref="SeriesRegistry"/>, so one instance serves concurrent writers.
/// </summary>
internal sealed partial class LineProtocolDecoder(SeriesRegistry registry)
{
    // Where names and values end; each includes the backslash so that escapes are seen.
    private static readonly SearchValues<byte> SeriesEnd = SearchValues.Create(" \\\n\r"u8);
    private static readonly SearchValues<byte> FieldKeyEnd = SearchValues.Create("= ,\\\n\r"u8);
    private static readonly SearchValues<byte> ValueEnd = SearchValues.Create(", \n\r"u8);

    public void Decode(ReadOnlySpan<byte> payload, in DecodeSettings settings, PointBuffer output, DecodeTally tally)
    {
        var pos = 0;
        var line = 1;
        var fields = new FieldNameCache(registry);
        while (pos < payload.Length)
        {
            var b = payload[pos];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                pos++;
                continue;
            }

            if (b == '\n')
            {
                pos++;
                line++;
                continue;
            }

            if (b == '#')
            {
                SkipLine(payload, ref pos, ref line);
                continue;
            }

            var startLine = line;
            var mark = output.Count;
            var error = DecodeLine(payload, ref pos, ref line, settings, output, tally, fields);
            if (error.IsError)
            {
                output.Truncate(mark);
                tally.Reject(startLine, error, payload, settings);
                SkipLine(payload, ref pos, ref line);
            }
            else
            {
                tally.LinesAccepted++;
            }
        }
    }

    private LineError DecodeLine(
        ReadOnlySpan<byte> buf, ref int pos, ref int line, in DecodeSettings settings, PointBuffer output, DecodeTally tally, FieldNameCache fields)
    {
        // Measurement and tags: up to the first unescaped space.
        var seriesStart = pos;
        pos = IndexOfUnescaped(buf, pos, SeriesEnd);
        pos = Math.Min(pos, buf.Length);
        if (pos >= buf.Length || buf[pos] != ' ')
        {
            return new LineError(LineErrorKind.MissingFields);
        }

        var raw = buf[seriesStart..pos];
        if (!registry.TryGetByRaw(raw, out var series))
        {
            var seriesError = ResolveSeries(raw, seriesStart, out series);
            if (seriesError.IsError)
            {
                return seriesError;
            }
        }

        while (pos < buf.Length && buf[pos] == ' ')
        {
            pos++;
        }

        if (pos >= buf.Length || buf[pos] is (byte)'\n' or (byte)'\r')
        {
            return new LineError(LineErrorKind.MissingFields);
        }

        var firstPoint = output.Count;
        var fieldError = DecodeFields(buf, ref pos, ref line, series, settings.Source, output, tally, fields);
        if (fieldError.IsError)
        {
            return fieldError;
        }

        var timeError = DecodeTimestamp(buf, ref pos, settings, out var timestamp);
        if (timeError.IsError)
        {
            return timeError;
        }

        foreach (ref var point in output.Span[firstPoint..])
        {
            point = point with { TimestampNs = timestamp };
        }

        return LineError.None;
    }

    private LineError DecodeFields(
        ReadOnlySpan<byte> buf, ref int pos, ref int line, SeriesKey series, string source, PointBuffer output, DecodeTally tally, FieldNameCache fields)
    {
        while (true)
        {
            var keyStart = pos;
            pos = IndexOfUnescaped(buf, pos, FieldKeyEnd);
            if (pos < buf.Length && buf[pos] != '=')
            {
                return pos == keyStart
                    ? new LineError(LineErrorKind.MissingFieldKey)
                    : new LineError(LineErrorKind.InvalidFieldKey, keyStart, pos - keyStart);
            }

            if (pos >= buf.Length)
            {
                pos = buf.Length;
                return pos == keyStart
                    ? new LineError(LineErrorKind.MissingFieldKey)
                    : new LineError(LineErrorKind.InvalidFieldKey, keyStart, pos - keyStart);
            }

            if (pos == keyStart)
            {
                return new LineError(LineErrorKind.MissingFieldKey);
            }

            var key = buf[keyStart..pos];
            pos++;
            if (pos >= buf.Length || buf[pos] is (byte)' ' or (byte)',' or (byte)'\n' or (byte)'\r')
            {
                return new LineError(LineErrorKind.MissingFieldValue, keyStart, key.Length);
            }

            var field = key.IndexOf((byte)'\\') >= 0 ? InternEscapedField(key, fields) : fields.Intern(key);
            if (field is null)
            {
                return new LineError(LineErrorKind.InvalidUtf8);
            }

            if (buf[pos] == '"')
            {
                var stringError = SkipString(buf, ref pos, ref line, field);
                if (stringError.IsError)
                {
                    return stringError;
                }

                tally.StringFieldsSkipped++;
            }
            else
            {
                var valueStart = pos;
                var valueLength = buf[pos..].IndexOfAny(ValueEnd);
                pos = valueLength < 0 ? buf.Length : pos + valueLength;

                var kind = FieldValueParser.TryParse(buf[valueStart..pos], out var value);
                if (kind != LineErrorKind.None)
                {
                    return new LineError(kind, valueStart, pos - valueStart, field);
                }

                output.Add(new MetricPoint(series, field, value, 0, source));
            }

            if (pos < buf.Length && buf[pos] == ',')
            {
                pos++;
                continue;
            }

            return LineError.None;
        }
    }

    // String values may hold escaped quotes and backslashes, and even newlines; Cockpit skips them.
    private static LineError SkipString(ReadOnlySpan<byte> buf, ref int pos, ref int line, string field)
    {
        pos++;
        while (pos < buf.Length)
        {
            var b = buf[pos];
            if (IsEscape(buf, pos))
            {
                pos += 2;
                continue;
            }

            if (b == '"')
            {
                pos++;
                if (pos < buf.Length && buf[pos] is not ((byte)',' or (byte)' ' or (byte)'\n' or (byte)'\r'))
                {
                    return new LineError(LineErrorKind.TextAfterString, Field: field);
                }

                return LineError.None;
            }

            if (b == '\n')
            {
                line++;
            }

            pos++;
        }

        pos = buf.Length;
        return new LineError(LineErrorKind.UnterminatedString, Field: field);
    }

    private static LineError DecodeTimestamp(ReadOnlySpan<byte> buf, ref int pos, in DecodeSettings settings, out long timestamp)
    {
        timestamp = settings.DefaultTimestampNs;
        while (pos < buf.Length && buf[pos] is (byte)' ' or (byte)'\t')
        {
            pos++;
        }

        if (pos < buf.Length && buf[pos] is not ((byte)'\n' or (byte)'\r'))
        {
            var start = pos;
            while (pos < buf.Length && buf[pos] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                pos++;
            }

            var token = buf[start..pos];
            if (!FieldValueParser.TryParseInt64(token, out var value))
            {
                var digits = token.Length > 1 && token[0] == '-' ? token[1..] : token;
                var kind = digits.ContainsAnyExceptInRange((byte)'0', (byte)'9') ? LineErrorKind.InvalidTimestamp : LineErrorKind.TimestampOutOfRange;
                return new LineError(kind, start, token.Length);
            }

            if (!settings.TryScale(value, out timestamp))
            {
                return new LineError(LineErrorKind.TimestampOutOfRange, start, token.Length);
            }

            if (timestamp > settings.MaxTimestampNs)
            {
                return new LineError(LineErrorKind.FutureTimestamp, start, token.Length);
            }

            while (pos < buf.Length && buf[pos] is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                pos++;
            }

            if (pos < buf.Length && buf[pos] != '\n')
            {
                var rest = pos;
                while (pos < buf.Length && buf[pos] != '\n')
                {
                    pos++;
                }

                return new LineError(LineErrorKind.UnexpectedText, rest, pos - rest);
            }
        }

        return LineError.None;
    }

    // Finds the first byte of `stops` at or after `pos` that is not escaped; the end of the buffer when none.
    private static int IndexOfUnescaped(ReadOnlySpan<byte> buf, int pos, SearchValues<byte> stops)
    {
        while (true)
        {
            var next = buf[pos..].IndexOfAny(stops);
            if (next < 0)
            {
                return buf.Length;
            }

            pos += next;
            if (buf[pos] != '\\')
            {
                return pos;
            }

            pos += IsEscape(buf, pos) ? 2 : 1;
            if (pos >= buf.Length)
            {
                return buf.Length;
            }
        }
    }

    // A backslash escapes the next byte, but never a newline: lines end where they end, as in InfluxDB.
    private static bool IsEscape(ReadOnlySpan<byte> buf, int pos) =>
        buf[pos] == '\\' && pos + 1 < buf.Length && buf[pos + 1] != '\n';

    private static void SkipLine(ReadOnlySpan<byte> buf, ref int pos, ref int line)
    {
        var newline = buf[pos..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            pos = buf.Length;
            return;
        }

        pos += newline + 1;
        line++;
    }
}
