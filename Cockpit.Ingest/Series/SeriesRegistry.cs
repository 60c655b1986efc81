using System.Collections.Concurrent;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Series;

/// <summary>
/// Every series ingest adapters have created, interned: one <see cref="SeriesKey"/> object per series, found from
/// the raw bytes a parser saw (so a known series costs a hash lookup, not an allocation), with region tags
/// normalised, and the number of series capped at <see cref="IngestOptions.MaxSeries"/>.
/// Safe for concurrent writers.
/// </summary>
public sealed class SeriesRegistry
{
    // Raw spellings are cached up to this many per allowed series (tag order and escaping may vary by source);
    // beyond that a series is still resolved correctly, only through the slower path.
    private const int RawSpellingsPerSeries = 4;
    private const int MaxFieldNames = 100_000;

    private readonly ConcurrentDictionary<string, SeriesKey> _byCanonical = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Utf8Key, SeriesKey> _byRaw = new(Utf8Key.Comparer);
    private readonly ConcurrentDictionary<Utf8Key, SeriesKey>.AlternateLookup<ReadOnlySpan<byte>> _byRawSpan;
    private readonly ConcurrentDictionary<Utf8Key, string> _fields = new(Utf8Key.Comparer);
    private readonly ConcurrentDictionary<Utf8Key, string>.AlternateLookup<ReadOnlySpan<byte>> _fieldsSpan;
    private readonly HashSet<string> _regionTagKeys;
    private readonly RegionAliases _aliases;
    private readonly int _maxSeries;
    private int _count;
    private int _rawCount;
    private int _fieldCount;
    private long _refused;

    public SeriesRegistry(IOptions<IngestOptions> options)
    {
        var o = options.Value;
        _maxSeries = o.MaxSeries;
        _regionTagKeys = new HashSet<string>(o.EffectiveRegionTagKeys, StringComparer.Ordinal);
        _aliases = new RegionAliases(Region.Guangzhou, o.RegionAliases);
        _byRawSpan = _byRaw.GetAlternateLookup<ReadOnlySpan<byte>>();
        _fieldsSpan = _fields.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>Series created so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The most series that may be created.</summary>
    public int MaxSeries => _maxSeries;

    /// <summary>Lines refused because they would have created a series past <see cref="MaxSeries"/>.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Finds a series by the exact bytes a parser saw before (measurement and tags, as sent).</summary>
    public bool TryGetByRaw(ReadOnlySpan<byte> raw, out SeriesKey series) =>
        _byRawSpan.TryGetValue(raw, out series!);

    /// <summary>
    /// Returns the series for a measurement and tags (region tags normalised), creating it if the cap allows.
    /// Returns null when it would be a new series past <see cref="MaxSeries"/>. When <paramref name="raw"/> is
    /// given, those bytes find the series directly next time.
    /// </summary>
    public SeriesKey? Resolve(string measurement, IReadOnlyList<KeyValuePair<string, string>> tags, ReadOnlySpan<byte> raw)
    {
        var key = SeriesKey.Create(measurement, Normalize(tags));
        if (!_byCanonical.TryGetValue(key.Canonical, out var series))
        {
            series = TryAdd(key);
            if (series is null)
            {
                Interlocked.Increment(ref _refused);
                return null;
            }
        }

        if (!raw.IsEmpty && Volatile.Read(ref _rawCount) < (long)_maxSeries * RawSpellingsPerSeries && _byRawSpan.TryAdd(raw, series))
        {
            Interlocked.Increment(ref _rawCount);
        }

        return series;
    }

    /// <summary>
    /// The shared instance of a series that was accepted before (read back from the ingest log): no cap applies, as
    /// its points were acknowledged when it was written.
    /// </summary>
    public SeriesKey Adopt(SeriesKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_byCanonical.TryGetValue(key.Canonical, out var series))
        {
            return series;
        }

        series = _byCanonical.GetOrAdd(key.Canonical, key);
        if (ReferenceEquals(series, key))
        {
            Interlocked.Increment(ref _count);
        }

        return series;
    }

    /// <summary>Why a new series was refused, in words a sender can act on.</summary>
    public string DescribeLimit(string measurement, IReadOnlyList<KeyValuePair<string, string>> tags) =>
        $"series limit reached: Cockpit keeps at most {_maxSeries} series (Cockpit:Ingest:MaxSeries); " +
        $"new series '{SeriesKey.Create(measurement, tags).Canonical}' was rejected, existing series are still accepted";

    /// <summary>An interned field name for its (already unescaped) bytes, or null when they are not valid UTF-8.</summary>
    public string? InternField(ReadOnlySpan<byte> name)
    {
        if (_fieldsSpan.TryGetValue(name, out var field))
        {
            return field;
        }

        if (!System.Text.Unicode.Utf8.IsValid(name))
        {
            return null;
        }

        field = System.Text.Encoding.UTF8.GetString(name);
        if (Volatile.Read(ref _fieldCount) < MaxFieldNames && _fieldsSpan.TryAdd(name, field))
        {
            Interlocked.Increment(ref _fieldCount);
        }

        return field;
    }

    private SeriesKey? TryAdd(SeriesKey key)
    {
        if (Interlocked.Increment(ref _count) > _maxSeries)
        {
            Interlocked.Decrement(ref _count);
            // Another writer may have created this very series a moment ago.
            return _byCanonical.TryGetValue(key.Canonical, out var existing) ? existing : null;
        }

        var series = _byCanonical.GetOrAdd(key.Canonical, key);
        if (!ReferenceEquals(series, key))
        {
            Interlocked.Decrement(ref _count);
        }

        return series;
    }

    private IEnumerable<KeyValuePair<string, string>> Normalize(IReadOnlyList<KeyValuePair<string, string>> tags)
    {
        foreach (var tag in tags)
        {
            yield return _regionTagKeys.Contains(tag.Key) ? KeyValuePair.Create(tag.Key, _aliases.Normalize(tag.Value)) : tag;
        }
    }
}
