using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;

namespace Cockpit.Web.Explore;

/// <summary>
/// Everything an explore view shows, as its address holds it (<see cref="ExploreUrl"/>): what to query, over which
/// time, how to cut and compare it. Unset values mean "the default", which <see cref="Complete"/> fills in.
/// </summary>
public sealed record ExploreState
{
    /// <summary>The group-by value that draws a single line over every matching series.</summary>
    public const string NoGroup = "none";

    public string? Measurement { get; init; }

    public string? Field { get; init; }

    /// <summary>How each bucket is aggregated; null: <see cref="DefaultAggregate"/> of the field.</summary>
    public Aggregate? Aggregate { get; init; }

    /// <summary>Tag key → accepted values (any of them), keys in ordinal order; <c>region</c> is one of them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } =
        new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>A preset range ending now (<c>1h</c>, <c>6h</c>, <c>24h</c>, <c>7d</c>); ignored when <see cref="From"/> and <see cref="To"/> are set.</summary>
    public string? Preset { get; init; }

    /// <summary>Start of a custom range (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of a custom range (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The bucket; null: the shortest that suits the range.</summary>
    public TimeSpan? Bucket { get; init; }

    /// <summary>The tag key that makes one line per value, or <see cref="NoGroup"/>; null: <c>region</c>.</summary>
    public string? GroupBy { get; init; }

    public ExploreComparison Compare { get; init; }

    /// <summary>The tag keys the contribution table ranks combinations of; empty: the group-by key (or region).</summary>
    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>Whether the range is custom (from/to) rather than a preset.</summary>
    public bool IsCustomRange => From is not null && To is not null;

    /// <summary>The length of the range.</summary>
    public TimeSpan RangeLength =>
        IsCustomRange ? To!.Value - From!.Value
        : ExploreDurations.TryParsePreset(Preset ?? ExploreDurations.DefaultPreset, out var range) ? range
        : TimeSpan.FromDays(1);

    /// <summary>The bucket in use: <see cref="Bucket"/> or the shortest one that suits the range.</summary>
    public TimeSpan EffectiveBucket => Bucket ?? ExploreDurations.DefaultBucket(RangeLength);

    /// <summary>The aggregate in use.</summary>
    public Aggregate EffectiveAggregate => Aggregate ?? DefaultAggregate(Field);

    /// <summary>The group-by tag key in use; null when the view draws a single line.</summary>
    public string? EffectiveGroupBy => GroupBy switch
    {
        null => MetricNames.RegionTag,
        NoGroup => null,
        var key => key,
    };

    /// <summary>The contribution dimensions in use.</summary>
    public IReadOnlyList<string> EffectiveDimensions =>
        Dimensions.Count > 0 ? Dimensions : [EffectiveGroupBy ?? MetricNames.RegionTag];

    /// <summary>How far back the comparison range lies; zero without a comparison.</summary>
    public TimeSpan ComparisonShift => Compare switch
    {
        ExploreComparison.Day => TimeSpan.FromDays(1),
        ExploreComparison.Week => TimeSpan.FromDays(7),
        _ => TimeSpan.Zero,
    };

    /// <summary>Counters add up over a bucket; levels, rates and latencies are averaged.</summary>
    public static Aggregate DefaultAggregate(string? field) => field switch
    {
        MetricNames.CountField or MetricNames.AttemptsField or MetricNames.SuccessesField or MetricNames.OutagesField => Ingest.Storage.Aggregate.Sum,
        _ => Ingest.Storage.Aggregate.Mean,
    };

    /// <summary>
    /// The range as of <paramref name="now"/>: a custom range as given; a preset ends at the start of the next minute
    /// (so the current minute is included) and reaches back its length.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) ResolveRange(DateTimeOffset now)
    {
        if (IsCustomRange)
        {
            return (From!.Value, To!.Value);
        }

        var minute = TimeSpan.TicksPerMinute;
        var end = new DateTimeOffset((now.UtcTicks / minute * minute) + minute, TimeSpan.Zero);
        return (end - RangeLength, end);
    }

    /// <summary>This state with every default written out, so that its address says everything the view shows.</summary>
    public ExploreState Complete(string measurement, string field) => this with
    {
        Measurement = measurement,
        Field = field,
        Aggregate = Aggregate ?? DefaultAggregate(field),
        Preset = IsCustomRange ? null : Preset ?? ExploreDurations.DefaultPreset,
        Bucket = EffectiveBucket,
        GroupBy = GroupBy ?? MetricNames.RegionTag,
        Dimensions = EffectiveDimensions,
    };
}
