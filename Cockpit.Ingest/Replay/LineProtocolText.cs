using System.Text;

namespace Cockpit.Ingest.Replay;

/// <summary>Escapes names for line-protocol text, as InfluxDB reads them.</summary>
internal static class LineProtocolText
{
    /// <summary>A measurement: commas and spaces escaped.</summary>
    public static string EscapeMeasurement(string name) => Escape(name, escapeEquals: false);

    /// <summary>A tag key, tag value or field key: commas, spaces and equals signs escaped.</summary>
    public static string EscapeKey(string text) => Escape(text, escapeEquals: true);

    private static string Escape(string text, bool escapeEquals)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c == ',' || c == ' ' || (escapeEquals && c == '='))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
