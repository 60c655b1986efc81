using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>The resolutions the embedded store keeps: raw points, 1-minute and 1-hour rollups.</summary>
internal enum Resolution
{
    Raw,
    Minute,
    Hour,
}

/// <summary>A time range answered from one resolution; bounds in Unix nanoseconds, end exclusive.</summary>
internal readonly record struct ResolutionRange(Resolution Resolution, long FromNs, long ToNs);

/// <summary>Times and the choice of resolution for a query.</summary>
internal static class Resolutions
{
    public const long MinuteNs = 60_000_000_000;
    public const long HourNs = 60 * MinuteNs;

    public static long Ceiling(long value, long step) => -UnixTime.Floor(-value, step);

    public static long Minute(long timestampNs) => UnixTime.FloorDiv(timestampNs, MinuteNs);

    /// <summary>
    /// Splits [from, to) into ranges answered from the coarsest resolution the bucket allows (a bucket that is a whole
    /// number of hours reads hourly rollups) and, for the ragged ends, finer ones — so a range that starts mid-hour
    /// still counts exactly the points inside it.
    /// </summary>
    public static List<ResolutionRange> Plan(long fromNs, long toNs, long bucketNs)
    {
        var coarsest = bucketNs % HourNs == 0 ? Resolution.Hour : bucketNs % MinuteNs == 0 ? Resolution.Minute : Resolution.Raw;
        var ranges = new List<ResolutionRange>();
        Add(ranges, fromNs, toNs, coarsest);
        return ranges;
    }

    public static long Size(Resolution resolution) => resolution switch
    {
        Resolution.Hour => HourNs,
        Resolution.Minute => MinuteNs,
        _ => 1,
    };

    private static void Add(List<ResolutionRange> ranges, long fromNs, long toNs, Resolution resolution)
    {
        if (fromNs >= toNs)
        {
            return;
        }

        if (resolution == Resolution.Raw)
        {
            ranges.Add(new ResolutionRange(Resolution.Raw, fromNs, toNs));
            return;
        }

        var size = Size(resolution);
        var start = Ceiling(fromNs, size);
        var end = UnixTime.Floor(toNs, size);
        var finer = resolution - 1;
        if (start >= end)
        {
            Add(ranges, fromNs, toNs, finer);
            return;
        }

        Add(ranges, fromNs, start, finer);
        ranges.Add(new ResolutionRange(resolution, start, end));
        Add(ranges, end, toNs, finer);
    }
}
