namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The field series a query reads, resolved in memory from the catalog, and the group each falls in. Groups are
/// numbered in the order results are returned: by their tag values, ordinal, a missing tag counting as "".
/// </summary>
internal sealed class SeriesSelection
{
    private SeriesSelection(List<string[]> groups, List<(SeriesCatalog.Entry Entry, int Group)> members)
    {
        Groups = groups;
        Members = members;
    }

    public List<string[]> Groups { get; }

    public List<(SeriesCatalog.Entry Entry, int Group)> Members { get; }

    public static SeriesSelection Resolve(SeriesCatalog catalog, MetricQuery query)
    {
        var filters = query.TagFilters
            .Where(f => f.Value.Count > 0)
            .Select(f => (f.Key, Values: f.Value.ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var byGroup = new Dictionary<string[], List<SeriesCatalog.Entry>>(GroupComparer.Instance);
        foreach (var entry in catalog.Of(query.Measurement, query.Field))
        {
            if (!filters.TrueForAll(f => entry.Series.GetTag(f.Key) is { } value && f.Values.Contains(value)))
            {
                continue;
            }

            var group = new string[query.GroupBy.Count];
            for (var i = 0; i < group.Length; i++)
            {
                group[i] = entry.Series.GetTag(query.GroupBy[i]) ?? string.Empty;
            }

            if (!byGroup.TryGetValue(group, out var list))
            {
                byGroup[group] = list = [];
            }

            list.Add(entry);
        }

        var groups = byGroup.Keys.ToList();
        groups.Sort(GroupComparer.Instance);
        var members = new List<(SeriesCatalog.Entry, int)>();
        for (var g = 0; g < groups.Count; g++)
        {
            members.AddRange(byGroup[groups[g]].Select(e => (e, g)));
        }

        return new SeriesSelection(groups, members);
    }

    /// <summary>The tag values of group <paramref name="index"/>, keyed by the query's group-by keys.</summary>
    public Dictionary<string, string> Describe(IReadOnlyList<string> keys, int index)
    {
        var group = new Dictionary<string, string>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            group[keys[i]] = Groups[index][i];
        }

        return group;
    }

    private sealed class GroupComparer : IEqualityComparer<string[]>, IComparer<string[]>
    {
        public static readonly GroupComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var value in obj)
            {
                hash.Add(value, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }

        public int Compare(string[]? x, string[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
