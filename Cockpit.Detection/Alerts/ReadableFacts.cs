using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Alerts;

/// <summary>
/// What wordings for people (screens, messages) share: numbers rounded so that none looks more precise than its
/// neighbours, and the subject named with the measurement's and field's local names and the district's display name.
/// </summary>
public static class ReadableFacts
{
    /// <summary>
    /// Three significant digits, and whole numbers from 100 up: <c>28.9</c>, <c>0.934</c>, <c>115</c>, <c>12,345</c>
    /// (not <c>28.92</c> beside <c>114.8</c>); digits and separators of <paramref name="culture"/>; a dash for NaN.
    /// </summary>
    public static string Number(double value, IFormatProvider culture)
    {
        if (!double.IsFinite(value))
        {
            return "—";
        }

        var magnitude = Math.Abs(value);
        var decimals = magnitude is >= 100 or 0 ? 0 : Math.Clamp(2 - (int)Math.Floor(Math.Log10(magnitude)), 0, 12);
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0; // no "-0"
        }

        return rounded.ToString(decimals == 0 ? "#,0" : "#,0." + new string('#', decimals), culture);
    }

    /// <summary>
    /// The subject for people: measurement and field by their local names — <c>measurement.field</c> as one name when
    /// <paramref name="name"/> has one for it (投诉量), else each on its own, the raw name when it has none — then the
    /// district by <see cref="Region.DisplayName"/> and other labels as <c>key=value</c>.
    /// </summary>
    /// <param name="facts">The facts.</param>
    /// <param name="name">A local name for a measurement or field name, or null to show the name itself.</param>
    /// <param name="separator">Between the labels.</param>
    public static string Subject(SignalFacts facts, Func<string, string?> name, string separator = ", ")
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(name);
        var what = facts.Field.Length == 0 ? name(facts.Measurement) ?? facts.Measurement
            : name(facts.Measurement + "." + facts.Field) ?? (name(facts.Measurement) ?? facts.Measurement) + " " + (name(facts.Field) ?? facts.Field);

        if (facts.Labels.Count == 0)
        {
            return what;
        }

        var labels = facts.Labels.Select(l => string.Equals(l.Key, MetricNames.RegionTag, StringComparison.Ordinal) ? Region.DisplayName(l.Value) : l.Key + "=" + l.Value);
        return what + " " + string.Join(separator, labels);
    }
}
