using Cockpit.Ingest.Model;

namespace Cockpit.Web.Wall;

/// <summary>
/// Reads the district and the measurement out of a scored value's subject key, which the detection engine builds as
/// <c>rule|measurement|group values…</c> for grouped rules and <c>rule|series|field</c> for per-series rules, the
/// series in escaped line-protocol form (<c>measurement,k=v,…</c>).
/// </summary>
internal static class ScoredSubject
{
    /// <summary>Parses <paramref name="subject"/> of <paramref name="rule"/>; false when it names no district.</summary>
    public static bool TryParse(string subject, string rule, IReadOnlyList<string> groupBy, out string region, out string measurement)
    {
        region = measurement = string.Empty;
        if (!subject.StartsWith(rule, StringComparison.Ordinal) || subject.Length <= rule.Length + 1 || subject[rule.Length] != '|')
        {
            return false;
        }

        var rest = subject.AsSpan(rule.Length + 1);
        if (groupBy.Count > 0)
        {
            var regionAt = IndexOfRegion(groupBy);
            var parts = rest.ToString().Split('|');
            if (regionAt < 0 || parts.Length != groupBy.Count + 1)
            {
                return false;
            }

            measurement = parts[0];
            region = parts[regionAt + 1];
            return region.Length > 0;
        }

        var lastBar = rest.LastIndexOf('|');
        if (lastBar <= 0)
        {
            return false;
        }

        return TryParseSeries(rest[..lastBar], out region, out measurement);
    }

    private static int IndexOfRegion(IReadOnlyList<string> groupBy)
    {
        for (var i = 0; i < groupBy.Count; i++)
        {
            if (string.Equals(groupBy[i], MetricNames.RegionTag, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    // Splits line-protocol text at unescaped commas; the first part is the measurement, the rest k=v tags.
    private static bool TryParseSeries(ReadOnlySpan<char> series, out string region, out string measurement)
    {
        region = measurement = string.Empty;
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var keyEnd = -1;
        var firstKeyEnd = new List<int>();
        for (var i = 0; i < series.Length; i++)
        {
            var c = series[i];
            if (c == '\\' && i + 1 < series.Length)
            {
                current.Append(series[++i]);
                continue;
            }

            if (c == ',')
            {
                parts.Add(current.ToString());
                firstKeyEnd.Add(keyEnd);
                current.Clear();
                keyEnd = -1;
                continue;
            }

            if (c == '=' && keyEnd < 0 && parts.Count > 0)
            {
                keyEnd = current.Length;
            }

            current.Append(c);
        }

        parts.Add(current.ToString());
        firstKeyEnd.Add(keyEnd);
        measurement = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            var at = firstKeyEnd[i];
            if (at > 0 && string.Equals(parts[i][..at], MetricNames.RegionTag, StringComparison.Ordinal))
            {
                region = parts[i][(at + 1)..];
                return region.Length > 0;
            }
        }

        return false;
    }
}
