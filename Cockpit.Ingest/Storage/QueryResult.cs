namespace Cockpit.Ingest.Storage;

/// <summary>The answer to a <see cref="MetricQuery"/>: one series per group, buckets in time order.</summary>
public sealed record QueryResult(IReadOnlyList<QuerySeries> Series);

/// <summary>One group of a query result.</summary>
/// <param name="Group">The group's tag values (empty when the query did not group).</param>
/// <param name="Points">Non-empty buckets in time order; empty buckets are omitted.</param>
public sealed record QuerySeries(IReadOnlyDictionary<string, string> Group, IReadOnlyList<BucketValue> Points);

/// <summary>An aggregated value of one bucket.</summary>
/// <param name="Time">The bucket's start.</param>
/// <param name="Value">The aggregate.</param>
public readonly record struct BucketValue(DateTimeOffset Time, double Value);
