using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Storage;

/// <summary>
/// In-memory index of the field series a store holds: point count and newest timestamp per series and
/// field. Kept up to date on append so that listing series never scans points. Not thread-safe: the
/// owning store guards it.
/// </summary>
internal sealed class SeriesCatalog
{
    private readonly Dictionary<(SeriesKey Series, string Field), Entry> _entries = [];

    public int Count => _entries.Count;

    public void Record(SeriesKey series, string field, long timestampNs, long count = 1)
    {
        if (_entries.TryGetValue((series, field), out var entry))
        {
            entry.Count += count;
            entry.LastNs = Math.Max(entry.LastNs, timestampNs);
        }
        else
        {
            _entries[(series, field)] = new Entry { Count = count, LastNs = timestampNs };
        }
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

    private static string Describe(SeriesInfo info) =>
        string.Join(',', info.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")) + " " + info.Field;

    private sealed class Entry
    {
        public long Count;
        public long LastNs;
    }
}
