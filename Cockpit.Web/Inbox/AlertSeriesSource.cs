using Cockpit.Alerting.Model;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Storage;

namespace Cockpit.Web.Inbox;

/// <summary>
/// Where an alert's numbers live in the store: its rule's measurement and field (and divisor for ratio rules), the
/// alert's labels as tag filters, the rule's bucket, and the detection subject whose scores carry the band.
/// </summary>
/// <param name="Measurement">The measurement.</param>
/// <param name="Field">The field the rule watches.</param>
/// <param name="DivideBy">For ratio rules, the divisor field; else null.</param>
/// <param name="Multiplier">For ratio rules, what the ratio is multiplied by.</param>
/// <param name="Aggregate">How a bucket's points combine (sum for counts and ratio parts).</param>
/// <param name="Bucket">The rule's bucket, or a minute for per-point rules.</param>
/// <param name="Filters">The alert's labels as tag filters.</param>
public sealed record AlertSeriesSource(
    string Measurement,
    string Field,
    string? DivideBy,
    double Multiplier,
    Aggregate Aggregate,
    TimeSpan Bucket,
    IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>
    /// The source of <paramref name="alert"/>, or null when its rule is unknown or watches no single field (e.g. a
    /// no-data rule over every measurement).
    /// </summary>
    public static AlertSeriesSource? For(AlertRecord alert, IRuleCatalog rules)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(rules);
        var rule = rules.Find(alert.Rule)?.Options;
        if (rule is null || rule.Detector == DetectorKind.NoData || alert.Measurement is "" or "*")
        {
            return null;
        }

        var field = rule.Field != "*" ? rule.Field : alert.Tags.GetValueOrDefault("field");
        if (string.IsNullOrEmpty(field))
        {
            return null;
        }

        var filters = alert.Tags.Where(t => t.Key != "field" || rule.Field == "*").ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var ratio = rule.Aggregate == BucketAggregate.Ratio && !string.IsNullOrEmpty(rule.DivideBy);
        var aggregate = rule.Aggregate switch
        {
            BucketAggregate.Sum or BucketAggregate.Ratio => Aggregate.Sum,
            BucketAggregate.Max => Aggregate.Max,
            _ => Aggregate.Mean,
        };
        var bucket = rule.Bucket ?? TimeSpan.FromMinutes(1);
        var tagFilters = filters.Where(f => f.Key != "field").ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        return new AlertSeriesSource(alert.Measurement, field, ratio ? rule.DivideBy : null, ratio ? rule.Multiplier : 1, aggregate, bucket,
            tagFilters);
    }

    /// <summary>A store query of <paramref name="field"/> over [from, to) in buckets of <paramref name="bucket"/>.</summary>
    public MetricQuery Query(string field, DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, IReadOnlyList<string>? groupBy = null) => new()
    {
        Measurement = Measurement,
        Field = field,
        From = from,
        To = to,
        Bucket = bucket,
        Aggregate = Aggregate,
        TagFilters = Filters.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[f.Value], StringComparer.Ordinal),
        GroupBy = groupBy ?? [],
    };
}
