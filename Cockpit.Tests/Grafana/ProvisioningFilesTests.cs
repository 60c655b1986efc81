using Cockpit.Ingest.Storage.Influx;
using YamlDotNet.RepresentationModel;

namespace Cockpit.Tests.Grafana;

public sealed class ProvisioningFilesTests
{
    private static readonly IReadOnlyDictionary<string, string> Defaults = GrafanaFiles.EnvironmentDefaults();

    private static YamlMappingNode Datasource() =>
        (YamlMappingNode)Assert.Single((YamlSequenceNode)GrafanaFiles.LoadYaml(GrafanaFiles.DatasourceFile)["datasources"]);

    private static YamlMappingNode DashboardProvider() =>
        (YamlMappingNode)Assert.Single((YamlSequenceNode)GrafanaFiles.LoadYaml(GrafanaFiles.DashboardProviderFile)["providers"]);

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node)[key];
        }

        return ((YamlScalarNode)node).Value ?? string.Empty;
    }

    // A value as Grafana's server sees it when started with grafana/cockpit.env.
    private static string Expanded(YamlNode node, params string[] path) => GrafanaFiles.Expand(Scalar(node, path), Defaults);

    [Fact]
    public void DatasourceFile_Parsed_OneInfluxQlDatasourceWithTheUidTheDashboardsUse()
    {
        var root = GrafanaFiles.LoadYaml(GrafanaFiles.DatasourceFile);
        var datasource = Datasource();

        Assert.Equal("1", Scalar(root, "apiVersion"));
        Assert.Equal(GrafanaFiles.DatasourceUid, Scalar(datasource, "uid"));
        Assert.Equal("influxdb", Scalar(datasource, "type"));
        Assert.Equal("proxy", Scalar(datasource, "access"));
        Assert.Equal("InfluxQL", Scalar(datasource, "jsonData", "version"));
        Assert.All(GrafanaFiles.Dashboards().SelectMany(d => d.DatasourceReferences()), r =>
        {
            Assert.Equal(Scalar(datasource, "uid"), r.Datasource?["uid"]?.GetValue<string>());
            Assert.Equal(Scalar(datasource, "type"), r.Datasource?["type"]?.GetValue<string>());
        });
    }

    [Fact]
    public void DatasourceFile_ConnectionSettings_FromEnvironmentVariablesWhoseDefaultsMatchCockpit()
    {
        var datasource = Datasource();

        Assert.Equal("${COCKPIT_INFLUXDB_URL}", Scalar(datasource, "url"));
        Assert.Equal("${COCKPIT_INFLUXDB_DATABASE}", Scalar(datasource, "jsonData", "dbName"));
        Assert.Equal("${COCKPIT_INFLUXDB_USER}", Scalar(datasource, "user"));
        Assert.Equal("${COCKPIT_INFLUXDB_PASSWORD}", Scalar(datasource, "secureJsonData", "password"));
        Assert.Equal("${COCKPIT_INFLUXDB_MIN_INTERVAL}", Scalar(datasource, "jsonData", "timeInterval"));
        Assert.True(Uri.TryCreate(Expanded(datasource, "url"), UriKind.Absolute, out var url) && url.Scheme is "http" or "https");
        Assert.Equal(new InfluxDbStoreOptions().Database, Expanded(datasource, "jsonData", "dbName"));
        Assert.Equal(TimeSpan.FromMinutes(1), GrafanaTime.ParseDuration(Expanded(datasource, "jsonData", "timeInterval")));
        Assert.Equal(string.Empty, Expanded(datasource, "user"));
    }

    [Fact]
    public void DashboardProviderFile_Parsed_LoadsTheDashboardsFolderIntoTheCockpitFolder()
    {
        var provider = DashboardProvider();
        var path = Expanded(provider, "options", "path");
        var readme = File.ReadAllText(GrafanaFiles.Readme);

        Assert.Equal("1", Scalar(GrafanaFiles.LoadYaml(GrafanaFiles.DashboardProviderFile), "apiVersion"));
        Assert.Equal("file", Scalar(provider, "type"));
        Assert.Equal("Cockpit", Scalar(provider, "folder"));
        Assert.Equal("${COCKPIT_GRAFANA_DASHBOARDS}", Scalar(provider, "options", "path"));
        Assert.StartsWith("/", path, StringComparison.Ordinal);
        // The README's docker command mounts the repository's folders where the provisioning expects them.
        Assert.Contains($"grafana/dashboards:{path}:ro", readme, StringComparison.Ordinal);
        Assert.Contains("grafana/provisioning:/etc/grafana/provisioning:ro", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentFile_Defaults_ExactlyTheVariablesTheProvisioningFilesRead()
    {
        var used = GrafanaFiles.EnvironmentVariablesIn(GrafanaFiles.LoadYaml(GrafanaFiles.DatasourceFile))
            .Union(GrafanaFiles.EnvironmentVariablesIn(GrafanaFiles.LoadYaml(GrafanaFiles.DashboardProviderFile)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Defaults.Keys.Order(StringComparer.Ordinal), used);
    }
}
