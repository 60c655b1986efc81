namespace Cockpit.Ingest.Model;

/// <summary>A district: the tag value used in data, and its Chinese name for display.</summary>
/// <param name="Id">The tag value, e.g. <c>tianhe</c>.</param>
/// <param name="ChineseName">The display name, e.g. 天河.</param>
public sealed record Region(string Id, string ChineseName)
{
    /// <summary>Guangzhou's 11 districts, Cockpit's default region list.</summary>
    public static IReadOnlyList<Region> Guangzhou { get; } =
    [
        new("yuexiu", "越秀"), new("liwan", "荔湾"), new("haizhu", "海珠"), new("tianhe", "天河"),
        new("baiyun", "白云"), new("huangpu", "黄埔"), new("panyu", "番禺"), new("huadu", "花都"),
        new("nansha", "南沙"), new("conghua", "从化"), new("zengcheng", "增城"),
    ];

    private static readonly Dictionary<string, string> ChineseNames = Guangzhou.ToDictionary(r => r.Id, r => r.ChineseName, StringComparer.Ordinal);

    /// <summary>
    /// How screens name a district: its Chinese and tag name, e.g. "天河 tianhe", so the wall, the inbox and explore agree;
    /// the tag alone for districts outside the list.
    /// </summary>
    public static string DisplayName(string id) =>
        ChineseNames.TryGetValue(id, out var chinese) ? $"{chinese} {id}" : id;
}
