using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Cockpit.Tests.Grafana;

/// <summary>
/// The Grafana files at the repository root (<c>grafana/</c>): dashboards, provisioning, and the defaults of the
/// environment variables the provisioning reads (<c>grafana/cockpit.env</c>).
/// </summary>
public static partial class GrafanaFiles
{
    /// <summary>The uid of the provisioned datasource, which every dashboard refers to.</summary>
    public const string DatasourceUid = "cockpit-influxdb";

    /// <summary>The <c>grafana/</c> folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string DashboardsFolder => Path.Combine(Root, "dashboards");

    public static string DatasourceFile => Path.Combine(Root, "provisioning", "datasources", "cockpit-influxdb.yaml");

    public static string DashboardProviderFile => Path.Combine(Root, "provisioning", "dashboards", "cockpit.yaml");

    public static string EnvironmentFile => Path.Combine(Root, "cockpit.env");

    public static string Readme => Path.Combine(Root, "README.md");

    /// <summary>Every dashboard JSON file, by name.</summary>
    public static IReadOnlyList<string> DashboardFiles() =>
        [.. Directory.GetFiles(DashboardsFolder, "*.json").Order(StringComparer.Ordinal)];

    /// <summary>Every dashboard, loaded.</summary>
    public static IReadOnlyList<GrafanaDashboard> Dashboards() => [.. DashboardFiles().Select(GrafanaDashboard.Load)];

    /// <summary>The <c>KEY=value</c> lines of <c>grafana/cockpit.env</c> (comments and blank lines skipped).</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentDefaults()
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(EnvironmentFile))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"{EnvironmentFile}: '{line}' is not KEY=value.");
            }

            defaults.Add(text[..equals], text[(equals + 1)..]);
        }

        return defaults;
    }

    /// <summary>Loads a provisioning file's single YAML document.</summary>
    public static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    /// <summary>
    /// The environment variables a provisioning document's values refer to (<c>$VAR</c> or <c>${VAR}</c>); Grafana
    /// expands values only, so comments do not count.
    /// </summary>
    public static IReadOnlySet<string> EnvironmentVariablesIn(YamlNode document) =>
        document.AllNodes.OfType<YamlScalarNode>()
            .SelectMany(s => EnvironmentReference().Matches((s.Value ?? string.Empty).Replace("$$", string.Empty, StringComparison.Ordinal)))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Expands a provisioning value as Grafana does (<c>$$</c> is a literal <c>$</c>, then Go's <c>os.ExpandEnv</c>:
    /// an unset variable becomes empty).
    /// </summary>
    public static string Expand(string value, IReadOnlyDictionary<string, string> environment) =>
        string.Join('$', value.Split("$$").Select(part => EnvironmentReference().Replace(
            part, m => environment.GetValueOrDefault(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, string.Empty))));

    [GeneratedRegex(@"\$\{([^}]*)\}|\$([A-Za-z0-9_]+)")]
    private static partial Regex EnvironmentReference();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cockpit.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new DirectoryNotFoundException($"No Cockpit.sln above {AppContext.BaseDirectory}.")
            : Path.Combine(dir.FullName, "grafana");
    }
}
