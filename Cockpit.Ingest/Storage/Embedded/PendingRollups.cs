using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The rollup rows of the points appended since the last commit. Each field series fills its current minute and hour
/// cell in place (no lookup per point); a cell becomes a partial row when the series moves to another bucket or the
/// store commits. Partial rows of the same bucket are summed by queries and merged by compaction. Only points newer
/// than their series' newest come here: a late or repeated point may replace one, so <see cref="RewriteCommit"/>
/// rebuilds its buckets instead. Also remembers, per table, the hours in which some bucket got a second
/// row: only those need compaction (a series with one point a minute never gives a minute two rows).
/// </summary>
internal sealed class PendingRollups
{
    private readonly List<SeriesCatalog.Entry> _open = [];
    private readonly HashSet<long> _minuteHoursToCompact = [];
    private readonly HashSet<long> _hourHoursToCompact = [];

    public List<RollupRow> Minutes { get; } = [];

    public List<RollupRow> Hours { get; } = [];

    public void Add(SeriesCatalog.Entry entry, long minuteNs, double value, long timestampNs)
    {
        if (minuteNs != entry.MinuteBucket)
        {
            Close(ref entry.MinuteCell, entry.Id, entry.MinuteBucket, Minutes, ref entry.NewestMinuteRow, _minuteHoursToCompact);
            entry.MinuteBucket = minuteNs;
        }

        entry.MinuteCell.Add(value, timestampNs);
        var hourNs = UnixTime.Floor(minuteNs, Resolutions.HourNs);
        if (hourNs != entry.HourBucket)
        {
            Close(ref entry.HourCell, entry.Id, entry.HourBucket, Hours, ref entry.NewestHourRow, _hourHoursToCompact);
            entry.HourBucket = hourNs;
        }

        entry.HourCell.Add(value, timestampNs);
        if (!entry.Dirty)
        {
            entry.Dirty = true;
            _open.Add(entry);
        }
    }

    /// <summary>Turns every open cell into a row; called at commit, so that the rows go with their points.</summary>
    public void CloseAll()
    {
        foreach (var entry in _open)
        {
            Close(ref entry.MinuteCell, entry.Id, entry.MinuteBucket, Minutes, ref entry.NewestMinuteRow, _minuteHoursToCompact);
            Close(ref entry.HourCell, entry.Id, entry.HourBucket, Hours, ref entry.NewestHourRow, _hourHoursToCompact);
            entry.Dirty = false;
        }

        _open.Clear();
    }

    /// <summary>Forgets the rows once committed (or rolled back).</summary>
    public void ClearRows()
    {
        Minutes.Clear();
        Hours.Clear();
    }

    /// <summary>The hours whose 1-minute rows (then 1-hour rows) need merging, oldest first; forgets them.</summary>
    public (List<long> MinuteTable, List<long> HourTable) TakeHoursToCompact()
    {
        var result = (_minuteHoursToCompact.Order().ToList(), _hourHoursToCompact.Order().ToList());
        _minuteHoursToCompact.Clear();
        _hourHoursToCompact.Clear();
        return result;
    }

    // A row for a bucket at or before the series' newest row may share its bucket with an earlier row.
    private static void Close(ref RollupCell cell, int id, long bucketNs, List<RollupRow> rows, ref long newestRow, HashSet<long> toCompact)
    {
        if (cell.IsEmpty)
        {
            return;
        }

        rows.Add(new RollupRow(id, bucketNs, cell));
        if (bucketNs <= newestRow)
        {
            toCompact.Add(UnixTime.Floor(bucketNs, Resolutions.HourNs));
        }

        newestRow = Math.Max(newestRow, bucketNs);
        cell = default;
    }
}

/// <summary>A (partial) rollup row: one field series, one bucket.</summary>
internal readonly record struct RollupRow(int SeriesId, long BucketNs, RollupCell Cell);
