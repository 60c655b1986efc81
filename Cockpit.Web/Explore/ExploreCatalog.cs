using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;

namespace Cockpit.Web.Explore;

/// <summary>What can be explored: the store's measurements, their fields and tag keys. Checks a state against them.</summary>
public sealed class ExploreCatalog
{
    private readonly Dictionary<string, ExploreMeasurement> _byName;

    /// <summary>A catalog of <paramref name="measurements"/>.</summary>
    public ExploreCatalog(IEnumerable<ExploreMeasurement> measurements)
    {
        Measurements = [.. measurements.OrderBy(m => m.Name, StringComparer.Ordinal)];
        _byName = Measurements.ToDictionary(m => m.Name, StringComparer.Ordinal);
    }

    /// <summary>The measurements, by name.</summary>
    public IReadOnlyList<ExploreMeasurement> Measurements { get; }

    /// <summary>Reads the catalog from the store's series list.</summary>
    public static async Task<ExploreCatalog> LoadAsync(IMetricStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var series = await store.ListSeriesAsync(null, cancellationToken);
        return new ExploreCatalog(series
            .GroupBy(s => s.Measurement, StringComparer.Ordinal)
            .Select(g => new ExploreMeasurement(
                g.Key,
                [.. g.Select(s => s.Field).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. g.SelectMany(s => s.Tags.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])));
    }

    /// <summary>The measurement named <paramref name="name"/>, or null.</summary>
    public ExploreMeasurement? Find(string? name) => name is not null && _byName.TryGetValue(name, out var m) ? m : null;

    /// <summary>
    /// <paramref name="state"/> with its measurement and field chosen when unset (complaints and count when the store
    /// has them, else the first) and every other default written out; the state itself when the store is empty.
    /// </summary>
    public ExploreState Complete(ExploreState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var measurement = state.Measurement is null
            ? Find(MetricNames.Complaints) ?? Measurements.FirstOrDefault()
            : Find(state.Measurement);
        if (measurement is null)
        {
            return state;
        }

        var field = state.Field ?? (measurement.Fields.Contains(MetricNames.CountField) ? MetricNames.CountField : measurement.Fields.FirstOrDefault());
        return field is null ? state : state.Complete(measurement.Name, field);
    }

    /// <summary>What in a complete <paramref name="state"/> the store does not know (measurement, field, tag keys).</summary>
    public IReadOnlyList<ExploreProblem> Check(ExploreState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Measurements.Count == 0)
        {
            return [new ExploreProblem("Problem.NoData")];
        }

        var measurement = Find(state.Measurement);
        if (measurement is null)
        {
            return [new ExploreProblem("Problem.Measurement", state.Measurement ?? "", string.Join(", ", Measurements.Select(m => m.Name)))];
        }

        var problems = new List<ExploreProblem>();
        if (state.Field is null || !measurement.Fields.Contains(state.Field, StringComparer.Ordinal))
        {
            problems.Add(new ExploreProblem("Problem.Field", state.Field ?? "", measurement.Name, string.Join(", ", measurement.Fields)));
        }

        var keys = state.Filters.Keys
            .Concat(state.EffectiveGroupBy is { } by ? [by] : [])
            .Concat(state.EffectiveDimensions)
            .Distinct(StringComparer.Ordinal);
        foreach (var key in keys.Where(k => !measurement.TagKeys.Contains(k, StringComparer.Ordinal)))
        {
            problems.Add(new ExploreProblem("Problem.TagKey", key, measurement.Name, string.Join(", ", measurement.TagKeys)));
        }

        return problems;
    }
}
