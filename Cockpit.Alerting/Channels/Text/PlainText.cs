using System.Globalization;
using System.Text;

namespace Cockpit.Alerting.Channels.Text;

/// <summary>
/// Prepares text that comes from alerts (tag values, summaries) before any platform escapes it: one line, bounded.
/// Clipping happens here, before escaping, so that a cut never falls inside an escape sequence, and at a text
/// element boundary, so that it never splits a multi-byte character, a surrogate pair or a combining sequence.
/// </summary>
internal static class PlainText
{
    /// <summary>The text on one line (each run of line breaks and other control characters becomes one space), at most <paramref name="maxElements"/> text elements, "…" when cut.</summary>
    public static string Line(string? text, int maxElements)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var oneLine = OneLine(text);
        var info = new StringInfo(oneLine);
        return info.LengthInTextElements <= maxElements
            ? oneLine
            : info.SubstringByTextElements(0, maxElements - 1).TrimEnd() + "…";
    }

    // A line break in a tag value must not start a markdown heading, list or quote on the platform.
    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text.Trim();
        }

        var builder = new StringBuilder(text.Length);
        var previousControl = false;
        foreach (var c in text)
        {
            var control = char.IsControl(c);
            if (!control || !previousControl)
            {
                builder.Append(control ? ' ' : c);
            }

            previousControl = control;
        }

        return builder.ToString().Trim();
    }
}
