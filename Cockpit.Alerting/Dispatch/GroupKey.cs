using System.Text;

namespace Cockpit.Alerting.Dispatch;

/// <summary>
/// Names a notification group, stable across messages and restarts:
/// <c>{route="frontline",receiver="wecom-front",level="0"}:{region="tianhe",rule="complaint-surge"}</c>.
/// Values are quoted with <c>\</c> escaping <c>"</c> and <c>\</c>, so no two groups share a key.
/// </summary>
internal static class GroupKey
{
    public static string For(string route, string receiver, int level, IReadOnlyDictionary<string, string> groupLabels)
    {
        var key = new StringBuilder();
        key.Append("{route=").Append(Quote(route))
            .Append(",receiver=").Append(Quote(receiver))
            .Append(",level=").Append(Quote(level.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append("}:");
        return key.Append(Matchers(groupLabels)).ToString();
    }

    /// <summary>The group labels as matchers in label order, e.g. <c>{region="tianhe",rule="complaint-surge"}</c>.</summary>
    public static string Matchers(IReadOnlyDictionary<string, string> labels) =>
        "{" + string.Join(",", labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Key + "=" + Quote(l.Value))) + "}";

    /// <summary>The values of the group-by labels the alert has (missing ones are left out, as Alertmanager does).</summary>
    public static SortedDictionary<string, string> GroupLabels(IReadOnlyDictionary<string, string> labels, IReadOnlyList<string> groupBy)
    {
        var grouped = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in groupBy)
        {
            if (labels.TryGetValue(name, out var value))
            {
                grouped[name] = value;
            }
        }

        return grouped;
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
