using System.Diagnostics.CodeAnalysis;
using System.Text;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;

namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>
/// A set of label matchers written as Alertmanager writes a group, e.g. <c>{region="tianhe",rule=~"complaint-.*"}</c>
/// (the braces are optional): the <c>filter</c> of the group links in notifications. An alert passes when every
/// matcher holds; an empty set lets everything through.
/// </summary>
public sealed class LabelMatcherSet
{
    private LabelMatcherSet(IReadOnlyList<LabelMatcher> matchers) => Matchers = matchers;

    /// <summary>The set that lets everything through.</summary>
    public static LabelMatcherSet Everything { get; } = new([]);

    public IReadOnlyList<LabelMatcher> Matchers { get; }

    /// <summary>The alerts of one rule: <c>{rule="complaint-surge"}</c>.</summary>
    public static LabelMatcherSet RuleIs(string rule) => new([new LabelMatcher(AlertLabels.Rule, MatchOperator.Equal, rule)]);

    /// <summary>True when every matcher holds for <paramref name="labels"/>.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) => LabelMatcher.All(Matchers, labels);

    /// <summary>
    /// Reads the matchers; false with a plain-text error (which may quote the input) when the text is malformed.
    /// Quoted values may contain commas and braces and escape <c>"</c> and <c>\</c> with <c>\</c>, as the group
    /// links do. Blank text is <see cref="Everything"/>.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out LabelMatcherSet? set, [NotNullWhen(false)] out string? error)
    {
        set = null;
        var body = text?.Trim() ?? "";
        var braced = body.StartsWith('{');
        if (braced != body.EndsWith('}'))
        {
            error = braced ? $"The filter '{body}' opens '{{' but does not close it." : $"The filter '{body}' closes '}}' but does not open it.";
            return false;
        }

        if (braced)
        {
            body = body[1..^1];
        }

        if (!TrySplit(body, out var parts, out error))
        {
            return false;
        }

        var matchers = new List<LabelMatcher>(parts.Count);
        foreach (var part in parts)
        {
            if (!TryParseOne(part, out var matcher, out error))
            {
                return false;
            }

            matchers.Add(matcher);
        }

        set = matchers.Count == 0 ? Everything : new LabelMatcherSet(matchers);
        return true;
    }

    /// <summary>The matchers in the group-link syntax, values quoted and escaped.</summary>
    public override string ToString() =>
        "{" + string.Join(",", Matchers.Select(m => m.Name + Operator(m.Operator) + Quote(m.Value))) + "}";

    // Commas split matchers only outside quotes; a trailing comma is allowed, as in Alertmanager.
    private static bool TrySplit(string body, out List<string> parts, [NotNullWhen(false)] out string? error)
    {
        parts = [];
        error = null;
        var start = 0;
        var inQuotes = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (inQuotes && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == ',' && !inQuotes)
            {
                parts.Add(body[start..i]);
                start = i + 1;
            }
        }

        if (inQuotes)
        {
            error = $"The filter has a quoted value that is not closed: '{body}'.";
            return false;
        }

        var last = body[start..];
        if (!string.IsNullOrWhiteSpace(last))
        {
            parts.Add(last);
        }

        var empty = parts.FindIndex(string.IsNullOrWhiteSpace);
        if (empty >= 0)
        {
            error = $"The filter has an empty matcher (two commas, or a comma first): '{body}'.";
            return false;
        }

        return true;
    }

    private static bool TryParseOne(string text, [NotNullWhen(true)] out LabelMatcher? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = null;
        text = text.Trim();
        var at = text.IndexOfAny(['=', '!']);
        if (at <= 0)
        {
            error = $"'{text}' is not a matcher; write name=\"value\", name!=\"value\", name=~\"regex\" or name!~\"regex\".";
            return false;
        }

        var op = text[at..].StartsWith("=~", StringComparison.Ordinal) || text[at..].StartsWith("!~", StringComparison.Ordinal) || text[at..].StartsWith("!=", StringComparison.Ordinal)
            ? text.Substring(at, 2)
            : text.Substring(at, 1);
        if (!TryReadValue(text[(at + op.Length)..].Trim(), out var value))
        {
            error = $"The value of '{text}' is badly quoted; quote it as \"value\" and write \\\" for a quote inside it.";
            return false;
        }

        return LabelMatcherParser.TryCreate(text[..at].Trim(), op, value, out matcher, out error);
    }

    // A value is bare (no quotes) or one quoted string with \" and \\ escapes, nothing after it.
    private static bool TryReadValue(string text, out string value)
    {
        value = text;
        if (!text.StartsWith('"'))
        {
            return !text.Contains('"', StringComparison.Ordinal);
        }

        var unescaped = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                unescaped.Append(text[++i]);
            }
            else if (c == '"')
            {
                value = unescaped.ToString();
                return i == text.Length - 1;
            }
            else
            {
                unescaped.Append(c);
            }
        }

        return false;
    }

    private static string Operator(MatchOperator op) => op switch
    {
        MatchOperator.Equal => "=",
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        _ => "!~",
    };

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
