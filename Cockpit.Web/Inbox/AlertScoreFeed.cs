using System.Reactive.Linq;
using Cockpit.Detection.Pipeline;

namespace Cockpit.Web.Inbox;

/// <summary>
/// The detection engine's scored values (with the expected band), live only: the engine keeps no history of them, so
/// an alert page sees the band from when it opened.
/// </summary>
public sealed class AlertScoreFeed(IObservable<ScoredValue> scores)
{
    /// <summary>The scored values of the detection subject an alert of <paramref name="rule"/> with <paramref name="tags"/> is about.</summary>
    public IObservable<ScoredValue> Of(string rule, IReadOnlyDictionary<string, string> tags) =>
        scores.Where(s => string.Equals(s.Rule, rule, StringComparison.Ordinal) && SameLabels(s.Labels, tags));

    // An alert's tags are its subject's labels, so the two sets are equal exactly for that subject.
    private static bool SameLabels(IReadOnlyList<KeyValuePair<string, string>> labels, IReadOnlyDictionary<string, string> tags) =>
        labels.Count == tags.Count && labels.All(l => tags.TryGetValue(l.Key, out var value) && string.Equals(value, l.Value, StringComparison.Ordinal));
}
