namespace Cockpit.Ingest.Storage;

/// <summary>
/// A range query: one field of one measurement, filtered by tags, cut into time buckets, aggregated and
/// optionally grouped by tag keys. <see cref="From"/> is inclusive, <see cref="To"/> exclusive; buckets are
/// aligned to the Unix epoch, as InfluxDB aligns <c>GROUP BY time()</c>.
/// </summary>
public sealed record MetricQuery
{
    public required string Measurement { get; init; }

    public required string Field { get; init; }

    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required TimeSpan Bucket { get; init; }

    public Aggregate Aggregate { get; init; } = Aggregate.Mean;

    /// <summary>Tag key → accepted values (any of them). Empty means no filter.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TagFilters { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Tag keys to group by; empty gives one group over every matching series.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>Throws <see cref="ArgumentException"/> with a message naming what is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Measurement))
        {
            throw new ArgumentException("A query needs a measurement.");
        }

        if (string.IsNullOrWhiteSpace(Field))
        {
            throw new ArgumentException("A query needs a field.");
        }

        if (To <= From)
        {
            throw new ArgumentException($"The range end ({To:O}) must be after its start ({From:O}).");
        }

        if (Bucket < TimeSpan.FromMilliseconds(1))
        {
            throw new ArgumentException("The bucket must be at least 1 ms.");
        }

        if ((To - From).Ticks / Bucket.Ticks > 1_000_000)
        {
            throw new ArgumentException("The query asks for more than 1 000 000 buckets; widen the bucket.");
        }
    }
}
