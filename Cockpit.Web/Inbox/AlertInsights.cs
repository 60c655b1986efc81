using Cockpit.Alerting.Model;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Storage;
using Cockpit.Web.Components.Controls;

namespace Cockpit.Web.Inbox;

/// <summary>
/// What the alert page reads from the metric store: the line around the anomaly and the parts that account for the
/// change (the top contributors).
/// </summary>
public sealed class AlertInsights(IMetricStore store, IRuleCatalog rules)
{
    /// <summary>How far before and after the alert's start the chart reaches.</summary>
    public static readonly TimeSpan ChartReach = TimeSpan.FromHours(2);

    /// <summary>The period before the start the change is measured against.</summary>
    public static readonly TimeSpan Baseline = TimeSpan.FromHours(1);

    /// <summary>The most tag keys the contributors are grouped by (each alone and all together).</summary>
    public const int MaxTagKeys = 4;

    /// <summary>The most rows per contributor table.</summary>
    public const int TopRows = 5;

    /// <summary>Where the alert's numbers live, or null when its rule watches no single field.</summary>
    public AlertSeriesSource? SourceOf(AlertRecord alert) => AlertSeriesSource.For(alert, rules);

    /// <summary>The alert's series ±<see cref="ChartReach"/> around its start, as the rule sees it (ratios divided).</summary>
    public async Task<IReadOnlyList<ChartPoint>> LoadLineAsync(AlertSeriesSource source, AlertRecord alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(alert);
        var from = alert.StartsAt - ChartReach;
        var to = alert.StartsAt + ChartReach;
        var values = await ValuesAsync(source, from, to, [], cancellationToken);
        return values.Count == 0 ? [] : [.. values[0].Points.Select(p => new ChartPoint(p.Time.ToUnixTimeMilliseconds(), p.Value))];
    }

    /// <summary>
    /// Which tag values account for the change from the hour before the start to the alert's episode: per tag key alone,
    /// and all keys together, the largest shares first. The episode is measured in data time — from the start to the
    /// end when it recovered by itself, else to its last signal (plus a bucket) — so replayed or late data compares
    /// like with like; clock times (now, a resolution by hand) would stretch it over hours without points.
    /// </summary>
    public async Task<Contributors> LoadContributorsAsync(AlertSeriesSource source, AlertRecord alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(alert);
        var start = alert.StartsAt;
        var end = alert.EndsAt is { } ends && alert.ResolvedBy is null ? ends : alert.UpdatedAt + source.Bucket;
        if (end < start + source.Bucket)
        {
            end = start + source.Bucket;
        }

        var keys = await TagKeysAsync(source, cancellationToken);
        var tables = new List<ContributorTable>();
        var total = double.NaN;
        var groupings = keys.Count > 1 ? [keys, .. keys.Select(k => (IReadOnlyList<string>)[k])] : keys.Select(k => (IReadOnlyList<string>)[k]).ToList();
        foreach (var grouping in groupings)
        {
            var before = Rates(await ValuesAsync(source, start - Baseline, start, grouping, cancellationToken, failures: true), Baseline, source, grouping);
            var after = Rates(await ValuesAsync(source, start, end, grouping, cancellationToken, failures: true), end - start, source, grouping);
            var parts = before.Keys.Union(after.Keys, StringComparer.Ordinal)
                .Select(name => new ContributionPart(name, before.GetValueOrDefault(name), after.GetValueOrDefault(name)))
                .ToList();
            total = parts.Sum(p => p.After - p.Before);
            var rows = ContributionAnalysis.Rank(parts, TopRows);
            if (rows.Count > 0)
            {
                tables.Add(new ContributorTable(grouping, rows));
            }
        }

        return new Contributors(tables, total, source.DivideBy is not null);
    }

    // Ratio rules: the chart shows the ratio; contributors use the failures (divisor minus field), which add up.
    private async Task<IReadOnlyList<QuerySeries>> ValuesAsync(
        AlertSeriesSource source, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> groupBy, CancellationToken cancellationToken, bool failures = false)
    {
        var field = await store.QueryAsync(source.Query(source.Field, from, to, source.Bucket, groupBy), cancellationToken);
        if (source.DivideBy is not { } divideBy)
        {
            return field.Series;
        }

        var divisor = await store.QueryAsync(source.Query(divideBy, from, to, source.Bucket, groupBy), cancellationToken);
        return [.. divisor.Series.Select(d =>
        {
            var numerator = field.Series.FirstOrDefault(f => SameGroup(f.Group, d.Group))?.Points.ToDictionary(p => p.Time, p => p.Value) ?? [];
            var points = d.Points
                .Where(p => failures || p.Value > 0)
                .Select(p => new BucketValue(p.Time, failures
                    ? p.Value - numerator.GetValueOrDefault(p.Time)
                    : numerator.GetValueOrDefault(p.Time) / p.Value * source.Multiplier))
                .ToList();
            return new QuerySeries(d.Group, points);
        })];
    }

    private static bool SameGroup(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    // Sums become a rate per hour so periods of different length compare; means stay means.
    private static Dictionary<string, double> Rates(IReadOnlyList<QuerySeries> series, TimeSpan period, AlertSeriesSource source, IReadOnlyList<string> grouping)
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in series.Where(s => s.Points.Count > 0))
        {
            var name = string.Join(" · ", grouping.Select(k => s.Group.GetValueOrDefault(k, "")));
            rates[name] = source.Aggregate == Aggregate.Sum
                ? s.Points.Sum(p => p.Value) / period.TotalHours
                : s.Points.Average(p => p.Value);
        }

        return rates;
    }

    private async Task<IReadOnlyList<string>> TagKeysAsync(AlertSeriesSource source, CancellationToken cancellationToken)
    {
        var series = await store.ListSeriesAsync(source.Measurement, cancellationToken);
        return [.. series
            .Where(s => s.Field == source.Field && source.Filters.All(f => s.Tags.TryGetValue(f.Key, out var v) && v == f.Value))
            .SelectMany(s => s.Tags.Keys)
            .Where(k => !source.Filters.ContainsKey(k))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(MaxTagKeys)];
    }
}

/// <summary>The contributor tables of one alert.</summary>
/// <param name="Tables">One table per grouping that found a change.</param>
/// <param name="TotalChange">The whole change (per hour for counts); NaN when nothing was read.</param>
/// <param name="Failures">True for ratio rules, whose contributors are ranked by failures (divisor minus field).</param>
public sealed record Contributors(IReadOnlyList<ContributorTable> Tables, double TotalChange, bool Failures);

/// <summary>The parts of one grouping (e.g. channel, or channel and category together), largest share first.</summary>
public sealed record ContributorTable(IReadOnlyList<string> Keys, IReadOnlyList<Contribution> Rows);
