using System.Collections.Immutable;
using System.Text;

namespace Cockpit.Ingest.Model;

/// <summary>
/// Identity of a series: a measurement and its tag set, as in InfluxDB. Tags are kept sorted by key
/// (ordinal) so that the same tag set always yields the same <see cref="Canonical"/> string, which is
/// the key used for partitioning, storage and equality.
/// </summary>
public sealed class SeriesKey : IEquatable<SeriesKey>
{
    private SeriesKey(string measurement, ImmutableArray<KeyValuePair<string, string>> tags, string canonical)
    {
        Measurement = measurement;
        Tags = tags;
        Canonical = canonical;
        _hashCode = StringComparer.Ordinal.GetHashCode(canonical);
    }

    // Series keys are dictionary keys on every hot path (store, detection, out-of-order tracking): hash once.
    private readonly int _hashCode;

    /// <summary>The measurement name, e.g. <c>complaints</c>.</summary>
    public string Measurement { get; }

    /// <summary>The tags, sorted by key.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Tags { get; }

    /// <summary>The series in line-protocol form (<c>measurement,k1=v1,k2=v2</c>, escaped).</summary>
    public string Canonical { get; }

    /// <summary>Creates a key; tags with empty keys or values are dropped, as InfluxDB does.</summary>
    public static SeriesKey Create(string measurement, IEnumerable<KeyValuePair<string, string>> tags)
    {
        ArgumentException.ThrowIfNullOrEmpty(measurement);
        var sorted = tags
            .Where(t => t.Key.Length > 0 && t.Value.Length > 0)
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1].Key, sorted[i].Key, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Duplicate tag key '{sorted[i].Key}'.", nameof(tags));
            }
        }

        return new SeriesKey(measurement, sorted, BuildCanonical(measurement, sorted));
    }

    /// <summary>Creates a key from alternating tag keys and values.</summary>
    public static SeriesKey Create(string measurement, params (string Key, string Value)[] tags) =>
        Create(measurement, tags.Select(t => KeyValuePair.Create(t.Key, t.Value)));

    /// <summary>Returns the tag's value, or null when the series has no such tag.</summary>
    public string? GetTag(string key)
    {
        foreach (var tag in Tags)
        {
            if (string.Equals(tag.Key, key, StringComparison.Ordinal))
            {
                return tag.Value;
            }
        }

        return null;
    }

    public bool Equals(SeriesKey? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (_hashCode == other._hashCode && string.Equals(Canonical, other.Canonical, StringComparison.Ordinal)));

    public override bool Equals(object? obj) => Equals(obj as SeriesKey);

    public override int GetHashCode() => _hashCode;

    public override string ToString() => Canonical;

    private static string BuildCanonical(string measurement, ImmutableArray<KeyValuePair<string, string>> tags)
    {
        var sb = new StringBuilder(measurement.Length + (tags.Length * 16));
        AppendEscaped(sb, measurement, escapeEquals: false);
        foreach (var (key, value) in tags)
        {
            sb.Append(',');
            AppendEscaped(sb, key, escapeEquals: true);
            sb.Append('=');
            AppendEscaped(sb, value, escapeEquals: true);
        }

        return sb.ToString();
    }

    // Line-protocol escaping: commas and spaces everywhere, equals signs in tag keys and values.
    private static void AppendEscaped(StringBuilder sb, string text, bool escapeEquals)
    {
        foreach (var c in text)
        {
            if (c == ',' || c == ' ' || (escapeEquals && c == '='))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }
    }
}
