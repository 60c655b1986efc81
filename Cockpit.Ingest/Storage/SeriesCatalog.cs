using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage.Embedded;

namespace Cockpit.Ingest.Storage;

/// <summary>
/// In-memory index of the field series a store holds: the store's id for each, its point count and newest
/// timestamp, and (embedded store) its open rollup cells and recent-minutes ring. One lookup per appended point
/// serves all of them, so listing series never scans points. Not thread-safe: the owning store guards it.
/// </summary>
internal sealed class SeriesCatalog
{
    private readonly Dictionary<(SeriesKey Series, string Field), Entry> _entries = [];
    private readonly Dictionary<(string Measurement, string Field), List<Entry>> _byField = [];
    private readonly Dictionary<int, Entry> _byId = [];

    public int Count => _entries.Count;

    public IEnumerable<Entry> Entries => _entries.Values;

    /// <summary>The entry with the store's <paramref name="id"/>, or null.</summary>
    public Entry? FindById(int id) => _byId.GetValueOrDefault(id);

    /// <summary>The entry of a field series, or null when the store has none yet.</summary>
    public Entry? Find(SeriesKey series, string field) => _entries.GetValueOrDefault((series, field));

    /// <summary>Adds a field series the store has just given <paramref name="id"/>.</summary>
    public Entry Add(SeriesKey series, string field, int id)
    {
        var entry = new Entry(series, field, id);
        _entries.Add((series, field), entry);
        _byId.Add(id, entry);
        var key = (series.Measurement, field);
        if (!_byField.TryGetValue(key, out var list))
        {
            _byField[key] = list = [];
        }

        list.Add(entry);
        return entry;
    }

    /// <summary>The field series of one measurement and field.</summary>
    public IReadOnlyList<Entry> Of(string measurement, string field) =>
        _byField.TryGetValue((measurement, field), out var list) ? list : [];

    public List<SeriesInfo> List(string? measurement)
    {
        var result = new List<SeriesInfo>();
        foreach (var ((series, field), entry) in _entries)
        {
            if (measurement is null || string.Equals(series.Measurement, measurement, StringComparison.Ordinal))
            {
                result.Add(new SeriesInfo(
                    series.Measurement,
                    series.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
                    field,
                    entry.Count,
                    UnixTime.ToDateTimeOffset(entry.LastNs)));
            }
        }

        // The order every store lists in, so that the embedded store and InfluxDB list alike.
        result.Sort(SeriesInfoOrder.Compare);
        return result;
    }

    public List<string> TagValues(string measurement, string tagKey)
    {
        var values = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (series, _) in _entries.Keys)
        {
            if (string.Equals(series.Measurement, measurement, StringComparison.Ordinal) && series.GetTag(tagKey) is { } value)
            {
                values.Add(value);
            }
        }

        return [.. values];
    }

    /// <summary>A field series' store id, counters and rollup state.</summary>
    public sealed class Entry(SeriesKey series, string field, int id)
    {
        public readonly SeriesKey Series = series;
        public readonly string Field = field;
        public readonly int Id = id;
        public long Count;
        public long LastNs = long.MinValue;

        // The cells being filled since the last commit (embedded store), and whether the entry is on the commit's list.
        public long MinuteBucket = long.MinValue;
        public RollupCell MinuteCell;
        public long HourBucket = long.MinValue;
        public RollupCell HourCell;
        public bool Dirty;

        // The newest bucket that has a rollup row (in the file or pending): a row at or before it may need merging.
        public long NewestMinuteRow = long.MinValue;
        public long NewestHourRow = long.MinValue;

        /// <summary>The recent minutes in memory, when the memory budget allowed one.</summary>
        public MinuteRing? Ring;

        /// <summary>The series' recent timestamps, kept once it has had a late point (embedded store).</summary>
        public Embedded.RecentTimestamps? Recent;

        public void Record(long timestampNs, long count = 1)
        {
            Count += count;
            LastNs = Math.Max(LastNs, timestampNs);
        }
    }
}
