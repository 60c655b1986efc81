using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage;

/// <summary>
/// In-memory index of the field series a store holds: the store's id for each, its point count and newest
/// timestamp. One lookup per appended point serves both the id and the counters, so listing series never scans
/// points. Not thread-safe: the owning store guards it.
/// </summary>
internal sealed class SeriesCatalog
{
    private readonly Dictionary<(SeriesKey Series, string Field), Entry> _entries = [];

    public int Count => _entries.Count;

    /// <summary>The entry of a field series, or null when the store has none yet.</summary>
    public Entry? Find(SeriesKey series, string field) => _entries.GetValueOrDefault((series, field));

    /// <summary>Adds a field series the store has just given <paramref name="id"/>.</summary>
    public Entry Add(SeriesKey series, string field, int id)
    {
        var entry = new Entry { Id = id, LastNs = long.MinValue };
        _entries.Add((series, field), entry);
        return entry;
    }

    public List<SeriesInfo> List(string? measurement)
    {
        var result = new List<SeriesInfo>();
        foreach (var ((series, field), entry) in _entries)
        {
            if (measurement is not null && !string.Equals(series.Measurement, measurement, StringComparison.Ordinal))
            {
                continue;
            }

            result.Add(new SeriesInfo(
                series.Measurement,
                series.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
                field,
                entry.Count,
                UnixTime.ToDateTimeOffset(entry.LastNs)));
        }

        result.Sort(static (a, b) =>
        {
            var byMeasurement = string.CompareOrdinal(a.Measurement, b.Measurement);
            return byMeasurement != 0 ? byMeasurement : string.CompareOrdinal(Describe(a), Describe(b));
        });
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

    private static string Describe(SeriesInfo info) =>
        string.Join(',', info.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")) + " " + info.Field;

    /// <summary>A field series' store id and counters.</summary>
    public sealed class Entry
    {
        public int Id;
        public long Count;
        public long LastNs;

        public void Record(long timestampNs, long count = 1)
        {
            Count += count;
            LastNs = Math.Max(LastNs, timestampNs);
        }
    }
}
