using System.Globalization;

namespace Cockpit.Alerting.Model;

/// <summary>The label set matchers see for an alert: its tags plus the rule, severity and measurement.</summary>
public static class AlertLabels
{
    public const string AlertName = "alertname";
    public const string Rule = "rule";
    public const string Severity = "severity";
    public const string Measurement = "measurement";

    public static IReadOnlyDictionary<string, string> Of(AlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in alert.Tags)
        {
            labels[key] = value;
        }

        labels[AlertName] = alert.Rule;
        labels[Rule] = alert.Rule;
        labels[Severity] = alert.Severity.ToString().ToLower(CultureInfo.InvariantCulture);
        labels[Measurement] = alert.Measurement;
        return labels;
    }
}
