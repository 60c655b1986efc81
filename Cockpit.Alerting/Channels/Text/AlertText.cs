using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Channels.Text;

/// <summary>
/// One alert of a message as plain text parts, the same for every channel; each channel escapes and lays them out
/// in its own syntax. Every part is one line and bounded (see <see cref="PlainText.Line"/>).
/// </summary>
/// <param name="Firing">True while the alert fires, false once resolved.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Rule">The rule (alert name), e.g. <c>complaint-surge</c>.</param>
/// <param name="Labels">The other labels as <c>key=value</c>, e.g. <c>region=天河</c>.</param>
/// <param name="Summary">What happened.</param>
/// <param name="Measure">Value against expected (and score) when known, e.g. <c>value 412, expected 120</c>.</param>
/// <param name="LikelyCause">The <c>likely_cause</c> annotation, when present.</param>
/// <param name="Since">When it started, <c>yyyy-MM-dd HH:mm UTC</c>.</param>
/// <param name="Until">When it resolved, for a resolved alert.</param>
/// <param name="Link">Its page in Cockpit (a safe http(s) URL), or null when its URL is not one.</param>
/// <param name="Words">The message's language.</param>
internal sealed record AlertText(
    bool Firing,
    AlertSeverity Severity,
    string Rule,
    IReadOnlyList<string> Labels,
    string Summary,
    string? Measure,
    string? LikelyCause,
    string Since,
    string? Until,
    string? Link,
    MessageWords Words)
{
    /// <summary>Severity as shown before the rule, e.g. <c>CRITICAL</c> or 严重.</summary>
    public string SeverityName => Severity switch
    {
        AlertSeverity.Critical => Words.Critical,
        AlertSeverity.Warning => Words.Warning,
        _ => Words.Info,
    };

    /// <summary><c>firing</c> or <c>resolved</c> in the message's language.</summary>
    public string State => Firing ? Words.StateFiring : Words.StateResolved;

    /// <summary>The lines under the alert's heading, before its link: labels, summary, measure, likely cause, times.</summary>
    public IEnumerable<string> Details()
    {
        if (Labels.Count > 0)
        {
            yield return Words.Labels + string.Join(Words.LabelSeparator, Labels);
        }

        if (Summary.Length > 0)
        {
            yield return Words.Summary + Summary;
        }

        if (Measure is not null)
        {
            yield return Words.Measure + Measure;
        }

        if (LikelyCause is not null)
        {
            yield return Words.LikelyCause + LikelyCause;
        }

        yield return Until is null ? Words.Format(Words.Since, Since) : Words.Format(Words.FromTo, Since, Until);
    }
}
