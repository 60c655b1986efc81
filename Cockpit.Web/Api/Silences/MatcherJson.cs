using Cockpit.Alerting.Silences;

namespace Cockpit.Web.Api.Silences;

/// <summary>A matcher in Alertmanager's v2 API shape: <c>{name, value, isRegex, isEqual}</c>.</summary>
public sealed record MatcherJson(string Name, string Value, bool IsRegex, bool IsEqual)
{
    public static MatcherJson From(LabelMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        return new(
            matcher.Name,
            matcher.Value,
            matcher.Operator is MatchOperator.Regex or MatchOperator.NotRegex,
            matcher.Operator is MatchOperator.Equal or MatchOperator.Regex);
    }

    /// <summary>The operator this shape stands for: <c>=</c>, <c>!=</c>, <c>=~</c> or <c>!~</c>.</summary>
    public static string OperatorOf(bool isRegex, bool isEqual) => (isRegex, isEqual) switch
    {
        (false, true) => "=",
        (false, false) => "!=",
        (true, true) => "=~",
        (true, false) => "!~",
    };
}
