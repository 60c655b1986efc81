using Cockpit.Ingest.Storage;

namespace Cockpit.Web.Explore;

/// <summary>
/// Answers an explore view from the metric store (history, never the wall's memory): the lines of the current range,
/// the same lines of the comparison range, and the per-combination totals of both periods for the contribution table.
/// </summary>
public sealed class ExploreQueryRunner(IMetricStore store)
{
    /// <summary>Runs the queries of a complete <paramref name="state"/> (measurement and field set) as of <paramref name="now"/>.</summary>
    public async Task<ExploreResult> RunAsync(ExploreState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Measurement is null || state.Field is null)
        {
            throw new ArgumentException("The state needs a measurement and a field.", nameof(state));
        }

        var (from, to) = state.ResolveRange(now);
        var shift = state.ComparisonShift;

        // Without a comparison, the contribution table explains the change from the period just before the range.
        var baselineShift = shift > TimeSpan.Zero ? shift : to - from;
        var groupBy = state.EffectiveGroupBy is { } key ? new[] { key } : [];
        var query = new MetricQuery
        {
            Measurement = state.Measurement,
            Field = state.Field,
            From = from,
            To = to,
            Bucket = state.EffectiveBucket,
            Aggregate = state.EffectiveAggregate,
            TagFilters = state.Filters,
            GroupBy = groupBy,
        };

        var current = await store.QueryAsync(query, cancellationToken);
        var comparison = shift > TimeSpan.Zero
            ? await store.QueryAsync(query with { From = from - shift, To = to - shift }, cancellationToken)
            : new QueryResult([]);
        var dimensions = state.EffectiveDimensions;
        var contributionQuery = query with { GroupBy = dimensions };

        // Ranking the lines' own groups needs no further query.
        var sameCut = dimensions.SequenceEqual(groupBy, StringComparer.Ordinal);
        var currentTotals = sameCut ? current : await store.QueryAsync(contributionQuery, cancellationToken);
        var baselineTotals = sameCut && shift > TimeSpan.Zero
            ? comparison
            : await store.QueryAsync(contributionQuery with { From = from - baselineShift, To = to - baselineShift }, cancellationToken);

        var lines = Lines(state, current, comparison, shift);
        var report = ContributionAnalysis.Rank(dimensions, Totals(baselineTotals, state.EffectiveAggregate), Totals(currentTotals, state.EffectiveAggregate));
        return new ExploreResult(state, from, to, from - baselineShift, to - baselineShift, lines, report);
    }

    private static ExploreLine[] Lines(ExploreState state, QueryResult current, QueryResult comparison, TimeSpan shift)
    {
        var groupBy = state.EffectiveGroupBy;
        string Name(QuerySeries s) => groupBy is not null && s.Group.TryGetValue(groupBy, out var v) ? v : state.Field!;

        var compared = comparison.Series.ToDictionary(Name, s => s.Points, StringComparer.Ordinal);
        var names = current.Series.Select(Name).Concat(compared.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var byName = current.Series.ToDictionary(Name, s => s.Points, StringComparer.Ordinal);
        return
        [
            .. names.Select(name => new ExploreLine(
                name,
                byName.TryGetValue(name, out var points) ? points : [],
                compared.TryGetValue(name, out var old) ? [.. old.Select(p => p with { Time = p.Time + shift })] : [])),
        ];
    }

    // One total per group over the whole period, combined from its buckets the way the aggregate combines values.
    private static IEnumerable<ContributionTotal> Totals(QueryResult result, Aggregate aggregate) =>
        result.Series
            .Where(s => s.Points.Count > 0)
            .Select(s => new ContributionTotal(s.Group, aggregate switch
            {
                Aggregate.Sum or Aggregate.Count => s.Points.Sum(p => p.Value),
                Aggregate.Min => s.Points.Min(p => p.Value),
                Aggregate.Max => s.Points.Max(p => p.Value),
                Aggregate.Last => s.Points[^1].Value,
                _ => s.Points.Average(p => p.Value),
            }));
}
