using Cockpit.Ingest.Model;

namespace Cockpit.Detection.Rules;

/// <summary>A rule's series filter: measurement, field and tag conditions, compiled from its options.</summary>
internal sealed class TagMatcher
{
    private const string Any = "*";

    private readonly string _measurement;
    private readonly string _field;
    private readonly string? _divisor;
    private readonly (string Key, string[]? Values)[] _tags;

    public TagMatcher(DetectionRuleOptions rule)
    {
        _measurement = rule.Measurement;
        _field = rule.Field;
        _divisor = rule.Aggregate == BucketAggregate.Ratio ? rule.DivideBy : null;
        _tags = [.. rule.Tags.Select(t => (t.Key, t.Value == Any ? null : t.Value.Split('|', StringSplitOptions.TrimEntries)))];
    }

    /// <summary>Whether the rule watches <paramref name="field"/> of <paramref name="series"/> (a ratio's divisor included).</summary>
    public bool Matches(SeriesKey series, string field)
    {
        if ((_measurement != Any && !string.Equals(_measurement, series.Measurement, StringComparison.Ordinal))
            || (_field != Any && !string.Equals(_field, field, StringComparison.Ordinal) && !string.Equals(_divisor, field, StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var (key, values) in _tags)
        {
            var value = series.GetTag(key);
            if (value is null || (values is not null && Array.IndexOf(values, value) < 0))
            {
                return false;
            }
        }

        return true;
    }
}
