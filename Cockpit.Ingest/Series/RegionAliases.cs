using System.Collections.Frozen;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Series;

/// <summary>
/// Maps the names sources use for a district (天河, 天河区, Tianhe, TIANHE) to its region id (tianhe), so that one
/// district is one series whatever the source calls it. Values without an alias are kept as they were sent.
/// </summary>
public sealed class RegionAliases
{
    private readonly FrozenDictionary<string, string> _aliases;

    /// <summary>Built-in aliases for <paramref name="regions"/>, then <paramref name="extra"/> (which win).</summary>
    public RegionAliases(IEnumerable<Region> regions, IReadOnlyDictionary<string, string> extra)
    {
        var aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var region in regions)
        {
            aliases[region.Id] = region.Id;
            aliases[region.ChineseName] = region.Id;
            aliases[region.ChineseName + "区"] = region.Id;
        }

        foreach (var (alias, id) in extra)
        {
            if (!string.IsNullOrWhiteSpace(alias) && !string.IsNullOrWhiteSpace(id))
            {
                aliases[alias.Trim()] = id.Trim();
            }
        }

        _aliases = aliases.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The region id for <paramref name="value"/>, or the value itself when it is not an alias.</summary>
    public string Normalize(string value) =>
        _aliases.TryGetValue(value.Trim(), out var id) ? id : value;
}
