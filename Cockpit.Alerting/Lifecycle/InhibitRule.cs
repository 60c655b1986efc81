using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;

namespace Cockpit.Alerting.Lifecycle;

/// <summary>
/// A compiled <see cref="InhibitRuleOptions"/>: an active source alert (firing or acknowledged) mutes the target alerts
/// that share its <see cref="Equal"/> label values, e.g. a network outage in a region mutes that region's complaint surge.
/// </summary>
internal sealed class InhibitRule(IReadOnlyList<LabelMatcher> source, IReadOnlyList<LabelMatcher> target, IReadOnlyList<string> equal)
{
    public IReadOnlyList<LabelMatcher> Source { get; } = source;

    public IReadOnlyList<LabelMatcher> Target { get; } = target;

    public IReadOnlyList<string> Equal { get; } = equal;

    /// <summary>Compiles the configured rules; the validator has already checked the matchers.</summary>
    public static IReadOnlyList<InhibitRule> Compile(IEnumerable<InhibitRuleOptions> options) =>
        [.. options.Select(o => new InhibitRule(Parse(o.SourceMatchers), Parse(o.TargetMatchers), [.. o.Equal]))];

    /// <summary>Whether <paramref name="source"/> (an active alert) inhibits <paramref name="target"/>.</summary>
    public bool Inhibits(AlertRecord source, IReadOnlyDictionary<string, string> sourceLabels, AlertRecord target, IReadOnlyDictionary<string, string> targetLabels)
    {
        if (source.Id == target.Id || !LabelMatcher.All(Target, targetLabels) || !LabelMatcher.All(Source, sourceLabels))
        {
            return false;
        }

        foreach (var label in Equal)
        {
            var a = sourceLabels.TryGetValue(label, out var x) ? x : "";
            var b = targetLabels.TryGetValue(label, out var y) ? y : "";
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static LabelMatcher[] Parse(IEnumerable<string> matchers) =>
        [.. matchers.Select(text => LabelMatcherParser.TryParse(text, out var m, out var error) ? m : throw new InvalidOperationException(error))];
}
