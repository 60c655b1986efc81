using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Tests.Grafana;

/// <summary>
/// Writes Cockpit's points as InfluxDB line protocol, as Cockpit's schema stores them: one line per series and
/// timestamp carrying all its fields, every value a float (no <c>i</c> suffix), timestamps in nanoseconds.
/// </summary>
public static class LineProtocolLines
{
    public static void Append(StringBuilder text, IEnumerable<MetricPoint> points)
    {
        foreach (var line in points.GroupBy(p => (p.Series, p.TimestampNs)))
        {
            text.Append(line.Key.Series.Canonical).Append(' ');
            var first = true;
            foreach (var point in line)
            {
                if (!first)
                {
                    text.Append(',');
                }

                first = false;
                AppendEscapedKey(text, point.Field);
                text.Append('=').Append(point.Value.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append(' ').Append(line.Key.TimestampNs.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void AppendEscapedKey(StringBuilder text, string key)
    {
        foreach (var c in key)
        {
            if (c is ',' or ' ' or '=')
            {
                text.Append('\\');
            }

            text.Append(c);
        }
    }
}
