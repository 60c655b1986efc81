using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Cockpit.Web.Explore;

/// <summary>
/// Reads and writes an <see cref="ExploreState"/> as a query string, so that an explore view can be shared as a link:
/// <c>m=complaints&amp;field=count&amp;agg=sum&amp;region=tianhe&amp;region=liwan&amp;tag=channel:hotline&amp;range=24h&amp;bucket=1m&amp;by=region&amp;cmp=week&amp;dim=region&amp;dim=category</c>.
/// Custom ranges are <c>from</c>/<c>to</c> in ISO 8601 (UTC). Values that repeat (region, tag, dim) are repeated
/// parameters, so tag values may contain commas; a <c>tag</c> is split at its first colon.
/// </summary>
public static class ExploreUrl
{
    /// <summary>The explore page's path.</summary>
    public const string PagePath = "explore";

    /// <summary>The CSV export's path (same query string).</summary>
    public const string CsvPath = "explore.csv";

    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ssZ";

    /// <summary>
    /// Parses a query string (with or without its leading <c>?</c>). Every value that cannot be understood adds a
    /// problem and is left at its default; the state is usable either way, but a view should show the problems
    /// rather than silently draw something else.
    /// </summary>
    public static ExploreState Parse(string? query, out IReadOnlyList<ExploreProblem> problems)
    {
        var values = QueryHelpers.ParseQuery(query);
        var found = new List<ExploreProblem>();
        var state = new ExploreState
        {
            Measurement = Single(values, "m"),
            Field = Single(values, "field"),
            Aggregate = ParseAggregate(Single(values, "agg"), found),
            Filters = ParseFilters(values, found),
            GroupBy = Single(values, "by"),
            Compare = ParseComparison(Single(values, "cmp"), found),
            Dimensions = [.. Many(values, "dim").Distinct(StringComparer.Ordinal)],
        };
        state = ParseRange(state, values, found);
        problems = found;
        return state;
    }

    /// <summary>The query string of <paramref name="state"/> (no leading <c>?</c>), in a fixed parameter order.</summary>
    public static string ToQueryString(ExploreState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var query = new StringBuilder();
        Add(query, "m", state.Measurement);
        Add(query, "field", state.Field);
        Add(query, "agg", state.Aggregate?.ToString().ToLowerInvariant());
        if (state.Filters.TryGetValue(MetricNames.RegionTag, out var regions))
        {
            foreach (var region in regions)
            {
                Add(query, "region", region);
            }
        }

        foreach (var (key, accepted) in state.Filters.Where(f => f.Key != MetricNames.RegionTag).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var value in accepted)
            {
                Add(query, "tag", key + ":" + value);
            }
        }

        if (state.IsCustomRange)
        {
            Add(query, "from", state.From!.Value.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture));
            Add(query, "to", state.To!.Value.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture));
        }
        else
        {
            Add(query, "range", state.Preset);
        }

        Add(query, "bucket", state.Bucket is { } bucket ? ExploreDurations.Format(bucket) : null);
        Add(query, "by", state.GroupBy);
        Add(query, "cmp", state.Compare == ExploreComparison.None ? null : state.Compare.ToString().ToLowerInvariant());
        foreach (var dimension in state.Dimensions)
        {
            Add(query, "dim", dimension);
        }

        return query.ToString();
    }

    /// <summary>The page address of <paramref name="state"/>, relative to the base address.</summary>
    public static string ToPageUri(ExploreState state) => PagePath + "?" + ToQueryString(state);

    /// <summary>The CSV address of <paramref name="state"/>, relative to the base address.</summary>
    public static string ToCsvUri(ExploreState state) => CsvPath + "?" + ToQueryString(state);

    private static void Add(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }

    private static string? Single(Dictionary<string, StringValues> values, string name) =>
        values.TryGetValue(name, out var v) && v.Count > 0 && !string.IsNullOrWhiteSpace(v[^1]) ? v[^1]!.Trim() : null;

    private static IEnumerable<string> Many(Dictionary<string, StringValues> values, string name) =>
        values.TryGetValue(name, out var v) ? v.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()) : [];

    private static Aggregate? ParseAggregate(string? text, List<ExploreProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<Aggregate>(text, ignoreCase: true, out var aggregate) && !char.IsAsciiDigit(text[0]) && text[0] != '-')
        {
            return aggregate;
        }

        problems.Add(new ExploreProblem("Problem.Aggregate", text, string.Join(", ", Enum.GetNames<Aggregate>().Select(n => n.ToLowerInvariant()))));
        return null;
    }

    private static ExploreComparison ParseComparison(string? text, List<ExploreProblem> problems)
    {
        switch (text)
        {
            case null or "none":
                return ExploreComparison.None;
            case "day":
                return ExploreComparison.Day;
            case "week":
                return ExploreComparison.Week;
            default:
                problems.Add(new ExploreProblem("Problem.Compare", text));
                return ExploreComparison.None;
        }
    }

    private static SortedDictionary<string, IReadOnlyList<string>> ParseFilters(Dictionary<string, StringValues> values, List<ExploreProblem> problems)
    {
        var filters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var region in Many(values, "region"))
        {
            AddFilter(filters, MetricNames.RegionTag, region);
        }

        foreach (var tag in Many(values, "tag"))
        {
            var colon = tag.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == tag.Length - 1)
            {
                problems.Add(new ExploreProblem("Problem.Tag", tag));
                continue;
            }

            AddFilter(filters, tag[..colon], tag[(colon + 1)..]);
        }

        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, accepted) in filters)
        {
            result[key] = accepted;
        }

        return result;
    }

    private static void AddFilter(SortedDictionary<string, List<string>> filters, string key, string value)
    {
        if (!filters.TryGetValue(key, out var accepted))
        {
            filters[key] = accepted = [];
        }

        if (!accepted.Contains(value, StringComparer.Ordinal))
        {
            accepted.Add(value);
        }
    }

    private static ExploreState ParseRange(ExploreState state, Dictionary<string, StringValues> values, List<ExploreProblem> problems)
    {
        var preset = Single(values, "range");
        var fromText = Single(values, "from");
        var toText = Single(values, "to");
        if (preset is not null && !ExploreDurations.TryParsePreset(preset, out _))
        {
            problems.Add(new ExploreProblem("Problem.Range", preset, string.Join(", ", ExploreDurations.Presets)));
            preset = null;
        }

        if (fromText is not null || toText is not null)
        {
            var from = ParseTime("from", fromText, problems);
            var to = ParseTime("to", toText, problems);
            if (from is not null && to is not null)
            {
                if (to <= from)
                {
                    problems.Add(new ExploreProblem("Problem.RangeOrder", fromText!, toText!));
                }
                else
                {
                    state = state with { From = from, To = to, Preset = null };
                }
            }
        }
        else
        {
            state = state with { Preset = preset };
        }

        var bucketText = Single(values, "bucket");
        if (bucketText is null)
        {
            return state;
        }

        if (!ExploreDurations.TryParseBucket(bucketText, out var bucket))
        {
            problems.Add(new ExploreProblem("Problem.Bucket", bucketText, string.Join(", ", ExploreDurations.Buckets)));
            return state;
        }

        var range = state.RangeLength;
        if (!ExploreDurations.Fits(range, bucket))
        {
            var fitting = ExploreDurations.BucketsFor(range);
            problems.Add(new ExploreProblem(
                bucket > range ? "Problem.BucketLongerThanRange" : "Problem.TooManyPoints",
                bucketText,
                ExploreDurations.PointsPerLine(range, bucket).ToString(CultureInfo.InvariantCulture),
                ExploreDurations.MaxPointsPerLine.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", fitting)));
            return state;
        }

        return state with { Bucket = bucket };
    }

    private static DateTimeOffset? ParseTime(string name, string? text, List<ExploreProblem> problems)
    {
        if (text is null)
        {
            problems.Add(new ExploreProblem("Problem.TimeMissing", name));
            return null;
        }

        // A '+' of an offset arrives as a space when the address was typed unescaped.
        if (DateTimeOffset.TryParse(text.Contains('T', StringComparison.Ordinal) ? text.Replace(' ', '+') : text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        problems.Add(new ExploreProblem("Problem.Time", name, text));
        return null;
    }
}
