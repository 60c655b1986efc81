using System.Reactive.Linq;
using Cockpit.Detection.Pipeline;

namespace Cockpit.Web.Inbox;

/// <summary>
/// The detection engine's scored values (with the expected band), live only: the engine keeps no history of them, so
/// an alert page sees the band from when it opened.
/// </summary>
public sealed class AlertScoreFeed(IObservable<ScoredValue> scores)
{
    /// <summary>The scored values of one detection subject.</summary>
    public IObservable<ScoredValue> Of(string subjectKey) =>
        scores.Where(s => string.Equals(s.Subject, subjectKey, StringComparison.Ordinal));
}
