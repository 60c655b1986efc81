namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// What a commit's rewrites changed that memory keeps too: how many stored samples each field series lost to a newer
/// write of the same key, and the rebuilt 1-minute cells. Applied only once the transaction has committed.
/// </summary>
internal sealed class RewriteOutcome
{
    private readonly Dictionary<int, long> _replaced = [];

    /// <summary>The rebuilt 1-minute rows: each the whole of its minute.</summary>
    public List<RollupRow> Minutes { get; } = [];

    /// <summary>Notes that one stored sample of the series was replaced.</summary>
    public void CountReplaced(int seriesId) => _replaced[seriesId] = _replaced.GetValueOrDefault(seriesId) + 1;

    /// <summary>
    /// Each series' point count loses the samples replaced (every pending point was counted when appended, unless it
    /// repeated a pending key), and a ring that holds a rebuilt minute takes the rebuilt cell in place of its own.
    /// </summary>
    public void ApplyTo(SeriesCatalog catalog)
    {
        foreach (var (id, replaced) in _replaced)
        {
            catalog.FindById(id)?.Record(long.MinValue, -replaced);
        }

        foreach (var row in Minutes)
        {
            catalog.FindById(row.SeriesId)?.Ring?.Replace(Resolutions.Minute(row.BucketNs), row.Cell);
        }
    }
}
