using System.Globalization;
using System.Text;
using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Channels.Text;

/// <summary>
/// Lays out <see cref="NotificationText"/> in a chat robot's markdown (WeCom, DingTalk, Feishu's lark_md). Every part
/// that comes from an alert is escaped for the dialect, and always follows text of ours on its line, so that a tag value
/// like <c>[x](javascript:…)</c>, <c>&lt;img onerror=…&gt;</c>, <c>**</c>, a backtick or <c>&lt;font&gt;</c> shows as the
/// literal text it is and cannot start a heading, list or quote.
/// </summary>
internal sealed class RobotMarkdown
{
    private static readonly char[] BackslashEscaped = ['\\', '`', '*', '_', '[', ']', '(', ')', '~', '|', '#', '!'];
    private static readonly char[] EntityEscaped = ['&', '<', '>', '\\', '`', '*', '_', '[', ']', '(', ')', '~', '|', '#', '!', '"', '\''];

    private readonly bool _entitiesOnly;
    private readonly string _lineBreak;
    private readonly string _headingPrefix;
    private readonly string _headingSuffix;
    private readonly Func<AlertText, string?> _colour;
    private readonly string _colourQuote;

    private RobotMarkdown(bool entitiesOnly, string lineBreak, (string Prefix, string Suffix) heading, Func<AlertText, string?> colour, string colourQuote)
    {
        _entitiesOnly = entitiesOnly;
        _lineBreak = lineBreak;
        (_headingPrefix, _headingSuffix) = heading;
        _colour = colour;
        _colourQuote = colourQuote;
    }

    /// <summary>
    /// WeCom: <c>&lt;font color="warning|info|comment"&gt;</c> (orange-red, green, grey). Markdown punctuation is
    /// backslash-escaped, <c>&lt; &gt; &amp;</c> become entities.
    /// </summary>
    public static RobotMarkdown WeCom { get; } = new(
        entitiesOnly: false,
        "\n",
        ("## ", ""),
        a => !a.Firing ? "info" : a.Severity == AlertSeverity.Info ? "comment" : "warning",
        "\"");

    /// <summary>DingTalk: no colours (its markdown has none), lines need a blank line between them to break.</summary>
    public static RobotMarkdown DingTalk { get; } = new(entitiesOnly: false, "\n\n", ("### ", ""), _ => null, "\"");

    /// <summary>
    /// Feishu lark_md: <c>&lt;font color='red|green|grey'&gt;</c>; special characters become numeric HTML entities,
    /// the escaping Feishu documents for lark_md.
    /// </summary>
    public static RobotMarkdown Feishu { get; } = new(
        entitiesOnly: true,
        "\n",
        ("**", "**"),
        a => !a.Firing ? "green" : a.Severity == AlertSeverity.Info ? "grey" : "red",
        "'");

    /// <summary>Text from alerts made literal in this dialect.</summary>
    public string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var special = _entitiesOnly ? EntityEscaped : BackslashEscaped;
        if (text.IndexOfAny(special) < 0 && (_entitiesOnly || text.IndexOfAny(['&', '<', '>']) < 0))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (_entitiesOnly && Array.IndexOf(EntityEscaped, c) >= 0)
            {
                builder.Append("&#").Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
            }
            else if (c is '&' or '<' or '>')
            {
                builder.Append(c switch { '&' => "&amp;", '<' => "&lt;", _ => "&gt;" });
            }
            else
            {
                builder.Append(Array.IndexOf(BackslashEscaped, c) >= 0 ? "\\" : "").Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A markdown link, or the escaped label alone when there is no safe URL.</summary>
    public string Link(string label, string? url) =>
        url is null ? Escape(label) : "[" + Escape(label) + "](" + url + ")";

    /// <summary>The title line and, when there is one, the team line.</summary>
    public string Heading(NotificationText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var heading = _headingPrefix + Escape(text.Title) + _headingSuffix;
        return text.Audience is null ? heading : heading + _lineBreak + Escape(text.Audience);
    }

    /// <summary>One alert: heading line with severity, labels, summary, measure, likely cause, times and its link.</summary>
    public string Alert(AlertText alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var severity = _colour(alert) is { } colour
            ? $"<font color={_colourQuote}{colour}{_colourQuote}>**{alert.SeverityName}**</font>"
            : $"**{alert.SeverityName}**";
        var lines = new List<string>(7) { $"{severity} **{Escape(alert.Rule)}** {alert.State}" };
        lines.AddRange(alert.Details().Select(Escape));
        lines.Add(Link(alert.Words.ViewInCockpit, alert.Link));
        return string.Join(_lineBreak, lines);
    }

    /// <summary>The last line: a link to the whole group, saying how many alerts did not fit when some did not.</summary>
    public string Footer(NotificationText text, int left)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (left == 0)
        {
            return Link(text.Words.ViewAllInCockpit, text.GroupLink);
        }

        var more = text.Words.Format(text.Words.AndMore, left.ToString(CultureInfo.InvariantCulture));
        return text.GroupLink is null ? more + text.Words.SeeCockpit : more + Link(text.GroupLink, text.GroupLink);
    }

    /// <summary>Heading, the first <paramref name="count"/> alerts and the footer, as one markdown text.</summary>
    public string Document(NotificationText text, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>(count + 2) { Heading(text) };
        parts.AddRange(text.Alerts.Take(count).Select(Alert));
        parts.Add(Footer(text, text.Alerts.Count - count));
        return string.Join("\n\n", parts);
    }
}
