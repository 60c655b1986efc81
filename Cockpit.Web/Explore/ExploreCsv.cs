using System.Globalization;

namespace Cockpit.Web.Explore;

/// <summary>
/// Writes the lines of an explore view as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote
/// or line break quoted, quotes doubled): <c>time,series,value,comparison_value</c>, one row per line and bucket,
/// times in ISO 8601 UTC, numbers in the invariant culture.
/// </summary>
/// <remarks>
/// Series names are data (tag values someone sent): a name a spreadsheet would read as a formula (starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) gets a leading <c>'</c> so it stays text. Numbers are
/// written by us and left alone, so a negative value stays a number.
/// </remarks>
public static class ExploreCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "time,series,value,comparison_value";

    /// <summary>Writes the header and every row; returns the number of data rows.</summary>
    public static int Write(TextWriter writer, ExploreResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.Write(Header);
        writer.Write("\r\n");
        var rows = 0;
        foreach (var line in result.Lines)
        {
            var current = line.Points.ToDictionary(p => p.Time, p => p.Value);
            var comparison = line.Comparison.ToDictionary(p => p.Time, p => p.Value);
            foreach (var time in current.Keys.Union(comparison.Keys).Order())
            {
                writer.Write(time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Text(line.Name));
                writer.Write(',');
                writer.Write(current.TryGetValue(time, out var value) ? Number(value) : "");
                writer.Write(',');
                writer.Write(comparison.TryGetValue(time, out var old) ? Number(old) : "");
                writer.Write("\r\n");
                rows++;
            }
        }

        return rows;
    }

    /// <summary>A text field: guarded against formula injection, then quoted when RFC 4180 requires it.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
