namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The rollup rows of the points appended since the last commit. Each field series fills its current minute and hour
/// cell in place (no lookup per point); a cell becomes a partial row when the series moves to another bucket or the
/// store commits. Partial rows of the same bucket are summed by queries and merged by compaction, so late and
/// out-of-order points only ever add rows. Also remembers which hours got rows, for compaction.
/// </summary>
internal sealed class PendingRollups
{
    private readonly List<SeriesCatalog.Entry> _open = [];
    private readonly HashSet<long> _touchedHours = [];

    public List<RollupRow> Minutes { get; } = [];

    public List<RollupRow> Hours { get; } = [];

    public void Add(SeriesCatalog.Entry entry, long minuteNs, double value, long timestampNs)
    {
        if (minuteNs != entry.MinuteBucket)
        {
            Close(ref entry.MinuteCell, entry.Id, entry.MinuteBucket, Minutes);
            entry.MinuteBucket = minuteNs;
        }

        entry.MinuteCell.Add(value, timestampNs);
        var hourNs = Resolutions.Floor(minuteNs, Resolutions.HourNs);
        if (hourNs != entry.HourBucket)
        {
            Close(ref entry.HourCell, entry.Id, entry.HourBucket, Hours);
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
            Close(ref entry.MinuteCell, entry.Id, entry.MinuteBucket, Minutes);
            Close(ref entry.HourCell, entry.Id, entry.HourBucket, Hours);
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

    /// <summary>The hours that got rows since the last call, oldest first.</summary>
    public List<long> TakeTouchedHours()
    {
        var hours = _touchedHours.Order().ToList();
        _touchedHours.Clear();
        return hours;
    }

    private void Close(ref RollupCell cell, int id, long bucketNs, List<RollupRow> rows)
    {
        if (cell.IsEmpty)
        {
            return;
        }

        rows.Add(new RollupRow(id, bucketNs, cell));
        _touchedHours.Add(Resolutions.Floor(bucketNs, Resolutions.HourNs));
        cell = default;
    }
}

/// <summary>A (partial) rollup row: one field series, one bucket.</summary>
internal readonly record struct RollupRow(int SeriesId, long BucketNs, RollupCell Cell);
