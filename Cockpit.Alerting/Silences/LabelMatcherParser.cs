using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Cockpit.Alerting.Silences;

/// <summary>Reads matchers written as in Alertmanager: <c>region=tianhe</c>, <c>rule!=source-silent</c>, <c>region=~"tianhe|yuexiu"</c>.</summary>
public static class LabelMatcherParser
{
    private static readonly string[] Operators = ["=~", "!~", "!=", "="];

    /// <summary>Parses one matcher; false with a plain-text error when it is malformed.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out LabelMatcher? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = null;
        error = null;
        text = text?.Trim() ?? "";
        foreach (var op in Operators)
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at < 0 || (op == "=" && at > 0 && text[at - 1] is '!'))
            {
                continue;
            }

            // "a=~b" contains "=" too: take the operator that starts earliest, longest first at the same place.
            var earlier = Operators.Where(o => o != op).Select(o => (o, i: text.IndexOf(o, StringComparison.Ordinal))).Any(x => x.i >= 0 && (x.i < at || (x.i == at && x.o.Length > op.Length)));
            if (earlier)
            {
                continue;
            }

            var name = text[..at].Trim();
            var value = Unquote(text[(at + op.Length)..].Trim());
            return TryCreate(name, op, value, out matcher, out error);
        }

        error = $"'{text}' is not a matcher; write name=value, name!=value, name=~regex or name!~regex.";
        return false;
    }

    /// <summary>Builds a matcher from its parts, checking the name and (for regex operators) the pattern.</summary>
    public static bool TryCreate(string name, string op, string value, [NotNullWhen(true)] out LabelMatcher? matcher, [NotNullWhen(false)] out string? error)
    {
        matcher = null;
        error = null;
        if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            error = $"Matcher label name '{name}' is empty or has characters other than letters, digits, '_', '-' and '.'.";
            return false;
        }

        MatchOperator? parsed = op switch
        {
            "=" => MatchOperator.Equal,
            "!=" => MatchOperator.NotEqual,
            "=~" => MatchOperator.Regex,
            "!~" => MatchOperator.NotRegex,
            _ => null,
        };
        if (parsed is null)
        {
            error = $"Matcher operator '{op}' is unknown; use =, !=, =~ or !~.";
            return false;
        }

        if (parsed is MatchOperator.Regex or MatchOperator.NotRegex)
        {
            try
            {
                _ = new Regex(value, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                error = $"Matcher '{name}{op}{value}' has a bad regular expression: {e.Message}";
                return false;
            }
        }

        matcher = new LabelMatcher(name, parsed.Value, value);
        return true;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
