using System.Text.RegularExpressions;

namespace Cockpit.Alerting.Silences;

/// <summary>
/// One condition on an alert label, as Alertmanager writes them: <c>=</c> equal, <c>!=</c> not equal, <c>=~</c>
/// regex match (anchored: the whole value), <c>!~</c> regex non-match. A missing label counts as the empty string.
/// </summary>
public sealed record LabelMatcher(string Name, MatchOperator Operator, string Value)
{
    private Regex? _regex;

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var actual = labels.TryGetValue(Name, out var v) ? v : "";
        return Operator switch
        {
            MatchOperator.Equal => string.Equals(actual, Value, StringComparison.Ordinal),
            MatchOperator.NotEqual => !string.Equals(actual, Value, StringComparison.Ordinal),
            MatchOperator.Regex => Pattern().IsMatch(actual),
            MatchOperator.NotRegex => !Pattern().IsMatch(actual),
            _ => false,
        };
    }

    /// <summary>All matchers hold (an empty list matches everything).</summary>
    public static bool All(IEnumerable<LabelMatcher> matchers, IReadOnlyDictionary<string, string> labels) =>
        matchers.All(m => m.Matches(labels));

    public override string ToString() => Name + Operator switch
    {
        MatchOperator.Equal => "=",
        MatchOperator.NotEqual => "!=",
        MatchOperator.Regex => "=~",
        _ => "!~",
    } + "\"" + Value + "\"";

    private Regex Pattern() => _regex ??= new Regex("^(?:" + Value + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}

/// <summary>How a <see cref="LabelMatcher"/> compares.</summary>
public enum MatchOperator
{
    Equal,
    NotEqual,
    Regex,
    NotRegex,
}
