using System.Buffers;
using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// Turns CSV rows into line-protocol lines (nanosecond timestamps) by a <see cref="CsvMappingOptions"/>, so that CSV
/// goes through the same decoder, and the same rules, as every other adapter. It only checks what line protocol
/// cannot carry: the timestamp's format and that values are numbers.
/// </summary>
internal sealed class CsvRowFormatter
{
    private const int MaxTimestampChars = 64;

    private readonly byte[] _prefix;
    private readonly int _timestampColumn;
    private readonly ValueColumn[] _values;
    private readonly CsvTimestampFormat _timestampFormat;
    private readonly string _timestampName;
    private readonly Range[] _cells;

    private CsvRowFormatter(byte[] prefix, int timestampColumn, string timestampName, ValueColumn[] values, CsvTimestampFormat timestampFormat, int columns)
    {
        _prefix = prefix;
        _timestampColumn = timestampColumn;
        _timestampName = timestampName;
        _values = values;
        _timestampFormat = timestampFormat;
        _cells = new Range[columns];
    }

    /// <summary>Reads the header row; throws <see cref="InvalidDataException"/> when it does not fit the mapping.</summary>
    public static CsvRowFormatter Create(CsvMappingOptions mapping, ReadOnlySpan<byte> header)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var cells = new Range[Math.Max(1, header.Count((byte)',') + 1)];
        var count = Split(header, cells);
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = Encoding.UTF8.GetString(header[cells[i]]).Trim();
        }

        var timestampColumn = Array.FindIndex(names, n => string.Equals(n, mapping.TimestampColumn, StringComparison.OrdinalIgnoreCase));
        if (timestampColumn < 0)
        {
            throw new InvalidDataException($"the header has no timestamp column '{mapping.TimestampColumn}' (columns: {string.Join(", ", names)})");
        }

        var values = new List<ValueColumn>();
        if (mapping.Fields.Count == 0)
        {
            for (var i = 0; i < count; i++)
            {
                if (i != timestampColumn && names[i].Length > 0)
                {
                    values.Add(new ValueColumn(i, names[i], FieldKey(names[i])));
                }
            }
        }
        else
        {
            foreach (var (column, field) in mapping.Fields)
            {
                var index = Array.FindIndex(names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw new InvalidDataException($"the header has no value column '{column}' (columns: {string.Join(", ", names)})");
                }

                values.Add(new ValueColumn(index, names[index], FieldKey(string.IsNullOrEmpty(field) ? names[index] : field)));
            }
        }

        if (values.Count == 0)
        {
            throw new InvalidDataException("the header has no value column besides the timestamp");
        }

        var prefix = new StringBuilder(LineProtocolText.EscapeMeasurement(mapping.Measurement));
        foreach (var (key, value) in mapping.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            // Line protocol has no empty tag; InfluxDB drops such tags, and so does SeriesKey.
            if (key.Length > 0 && !string.IsNullOrEmpty(value))
            {
                prefix.Append(',').Append(LineProtocolText.EscapeKey(key)).Append('=').Append(LineProtocolText.EscapeKey(value));
            }
        }

        return new CsvRowFormatter(Encoding.UTF8.GetBytes(prefix.ToString()), timestampColumn, names[timestampColumn], [.. values], mapping.TimestampFormat, count);
    }

    /// <summary>
    /// Appends the row as one line-protocol line (no terminator) to <paramref name="output"/>; false with a reason
    /// when the row cannot be one.
    /// </summary>
    public bool TryFormat(ReadOnlySpan<byte> row, ArrayBufferWriter<byte> output, out string? error)
    {
        error = null;
        var count = Split(row, _cells);
        if (_timestampColumn >= count || !TryParseTimestamp(Cell(row, _timestampColumn, count), out var timestampNs, out error))
        {
            error ??= $"no value in the timestamp column '{_timestampName}'";
            return false;
        }

        output.Write(_prefix);
        var written = 0;
        foreach (var column in _values)
        {
            var cell = Cell(row, column.Index, count);
            if (cell.IsEmpty)
            {
                // A missing value is a gap in that series, not a bad row: the row's other fields still count.
                continue;
            }

            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                error = $"'{Text(cell)}' in column '{column.Name}' is not a number";
                return false;
            }

            output.Write(written == 0 ? " "u8 : ","u8);
            output.Write(column.FieldKey);
            output.Write("="u8);
            if (double.IsFinite(value))
            {
                WriteFormatted(output, value);
            }
            else
            {
                // NaN and ±Infinity are left for the decoder to refuse, so the rule and its message live in one place.
                output.Write(cell);
            }

            written++;
        }

        if (written == 0)
        {
            error = "no value in any value column";
            return false;
        }

        output.Write(" "u8);
        WriteFormatted(output, timestampNs);
        error = null;
        return true;
    }

    /// <summary>Splits a row at commas outside double quotes; quotes around a cell are dropped. Returns the cell count.</summary>
    private static int Split(ReadOnlySpan<byte> row, Span<Range> cells)
    {
        var count = 0;
        var i = 0;
        while (count < cells.Length)
        {
            var start = i;
            int end;
            if (i < row.Length && row[i] == (byte)'"')
            {
                var close = i + 1;
                while (true)
                {
                    var quote = row[close..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        close = row.Length;
                        break;
                    }

                    close += quote;
                    if (close + 1 < row.Length && row[close + 1] == (byte)'"')
                    {
                        close += 2;
                        continue;
                    }

                    break;
                }

                start = i + 1;
                end = close;
                var comma = close < row.Length ? row[close..].IndexOf((byte)',') : -1;
                i = comma < 0 ? row.Length + 1 : close + comma + 1;
            }
            else
            {
                var comma = i < row.Length ? row[i..].IndexOf((byte)',') : -1;
                end = comma < 0 ? row.Length : i + comma;
                i = end + 1;
            }

            cells[count++] = new Range(start, Math.Max(start, end));
            if (i > row.Length)
            {
                break;
            }
        }

        return count;
    }

    private ReadOnlySpan<byte> Cell(ReadOnlySpan<byte> row, int index, int count) =>
        index < count ? row[_cells[index]].Trim(" \t"u8) : default;

    private bool TryParseTimestamp(ReadOnlySpan<byte> cell, out long timestampNs, out string? error)
    {
        timestampNs = 0;
        error = null;
        if (cell.IsEmpty)
        {
            return false;
        }

        var ok = _timestampFormat switch
        {
            CsvTimestampFormat.Iso => TryParseIso(cell, out timestampNs),
            CsvTimestampFormat.UnixSeconds => TryParseUnix(cell, 1_000_000_000, out timestampNs),
            CsvTimestampFormat.UnixMilliseconds => TryParseUnix(cell, 1_000_000, out timestampNs),
            CsvTimestampFormat.UnixMicroseconds => TryParseUnix(cell, 1_000, out timestampNs),
            _ => TryParseUnix(cell, 1, out timestampNs),
        };
        if (!ok)
        {
            error = $"'{Text(cell)}' in column '{_timestampName}' is not a {Describe(_timestampFormat)} timestamp";
        }

        return ok;
    }

    private static bool TryParseIso(ReadOnlySpan<byte> cell, out long timestampNs)
    {
        timestampNs = 0;
        if (cell.Length > MaxTimestampChars)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxTimestampChars];
        if (!Encoding.UTF8.TryGetChars(cell, chars, out var length))
        {
            return false;
        }

        chars = chars[..length];
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParseExact(chars, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, Utc, out var time)
            && !DateTimeOffset.TryParse(chars, CultureInfo.InvariantCulture, Utc, out time))
        {
            return false;
        }

        // Unix nanoseconds in a long reach from 1677 to 2262.
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (ticks > long.MaxValue / UnixTime.NanosPerTick || ticks < long.MinValue / UnixTime.NanosPerTick)
        {
            return false;
        }

        timestampNs = ticks * UnixTime.NanosPerTick;
        return true;
    }

    private static bool TryParseUnix(ReadOnlySpan<byte> cell, long nanosPerUnit, out long timestampNs)
    {
        timestampNs = 0;
        if (long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            if (whole > long.MaxValue / nanosPerUnit || whole < long.MinValue / nanosPerUnit)
            {
                return false;
            }

            timestampNs = whole * nanosPerUnit;
            return true;
        }

        if (nanosPerUnit == 1 || !decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction))
        {
            return false;
        }

        var nanos = decimal.Round(fraction * nanosPerUnit, MidpointRounding.AwayFromZero);
        if (nanos > long.MaxValue || nanos < long.MinValue)
        {
            return false;
        }

        timestampNs = (long)nanos;
        return true;
    }

    private static void WriteFormatted<T>(ArrayBufferWriter<byte> output, T value)
        where T : IUtf8SpanFormattable
    {
        var span = output.GetSpan(32);
        if (!value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A number did not fit in 32 bytes.");
        }

        output.Advance(written);
    }

    private static byte[] FieldKey(string field) => Encoding.UTF8.GetBytes(LineProtocolText.EscapeKey(field));

    private static string Text(ReadOnlySpan<byte> cell) =>
        cell.Length <= MaxTimestampChars ? Encoding.UTF8.GetString(cell) : Encoding.UTF8.GetString(cell[..MaxTimestampChars]) + "…";

    private static string Describe(CsvTimestampFormat format) => format switch
    {
        CsvTimestampFormat.Iso => "ISO 8601 (yyyy-MM-dd HH:mm:ss)",
        CsvTimestampFormat.UnixSeconds => "Unix seconds",
        CsvTimestampFormat.UnixMilliseconds => "Unix milliseconds",
        CsvTimestampFormat.UnixMicroseconds => "Unix microseconds",
        _ => "Unix nanoseconds",
    };

    private sealed record ValueColumn(int Index, string Name, byte[] FieldKey);
}
