using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// Answers a query from the recent-minutes rings when it can: a bucket of whole minutes, a range on minute
/// boundaries, and every selected series with a ring complete over the range. Anything else goes to the database.
/// </summary>
internal static class MemoryQuery
{
    // Past this many cells (groups × buckets) the database's grouping is the better tool.
    private const long MaxCells = 2_000_000;

    public static QueryResult? TryRun(MetricQuery query, SeriesSelection selection)
    {
        var fromNs = UnixTime.ToNanos(query.From);
        var toNs = UnixTime.ToNanos(query.To);
        var bucketNs = UnixTime.ToNanos(query.Bucket);
        if (bucketNs % Resolutions.MinuteNs != 0 || fromNs % Resolutions.MinuteNs != 0 || toNs % Resolutions.MinuteNs != 0)
        {
            return null;
        }

        var fromMinute = Resolutions.Minute(fromNs);
        var toMinute = Resolutions.Minute(toNs);
        foreach (var (entry, _) in selection.Members)
        {
            if (entry.Ring is null || entry.Ring.FirstCompleteMinute > fromMinute)
            {
                return null;
            }
        }

        var minutesPerBucket = bucketNs / Resolutions.MinuteNs;
        var firstBucketMinute = UnixTime.Floor(fromMinute, minutesPerBucket);
        var bucketCount = (int)((toMinute - 1 - firstBucketMinute) / minutesPerBucket) + 1;
        if ((long)bucketCount * selection.Groups.Count > MaxCells)
        {
            return null;
        }

        var cells = new RollupCell[selection.Groups.Count][];
        foreach (var (entry, group) in selection.Members)
        {
            var buckets = cells[group] ??= new RollupCell[bucketCount];
            entry.Ring!.MergeInto(query.Aggregate, fromMinute, toMinute, firstBucketMinute, minutesPerBucket, buckets);
        }

        var series = new List<QuerySeries>();
        for (var g = 0; g < cells.Length; g++)
        {
            var points = new List<BucketValue>();
            for (var b = 0; b < bucketCount; b++)
            {
                if (!cells[g][b].IsEmpty)
                {
                    var startNs = (firstBucketMinute + (b * minutesPerBucket)) * Resolutions.MinuteNs;
                    points.Add(new BucketValue(UnixTime.ToDateTimeOffset(startNs), cells[g][b].Value(query.Aggregate)));
                }
            }

            if (points.Count > 0)
            {
                series.Add(new QuerySeries(selection.Describe(query.GroupBy, g), points));
            }
        }

        return new QueryResult(series);
    }
}
