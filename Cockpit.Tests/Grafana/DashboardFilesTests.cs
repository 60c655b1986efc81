using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cockpit.Tests.Grafana;

public sealed partial class DashboardFilesTests
{
    public static TheoryData<string> DashboardFiles() => DashboardQueriesTests.DashboardFiles();

    private static GrafanaDashboard Load(string file) => GrafanaDashboard.Load(Path.Combine(GrafanaFiles.DashboardsFolder, file));

    [Fact]
    public void Dashboards_Folder_TheFourCockpitDashboardsWithDistinctUidsAndTitles()
    {
        var dashboards = GrafanaFiles.Dashboards();

        Assert.Equal(
            ["cockpit-business", "cockpit-complaints", "cockpit-network", "cockpit-wall"],
            dashboards.Select(d => d.Uid).Order(StringComparer.Ordinal));
        Assert.Equal(dashboards.Count, dashboards.Select(d => d.Title).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_File_StrictJsonWithUidTitleAndSchemaVersion(string file)
    {
        var dashboard = Load(file);

        Assert.Matches("^[a-z0-9-]{1,40}$", dashboard.Uid);
        Assert.False(string.IsNullOrWhiteSpace(dashboard.Title));
        Assert.InRange(dashboard.Json["schemaVersion"]!.GetValue<int>(), 36, 41);
        Assert.Null(dashboard.Json["id"]?.GetValue<int?>());
        Assert.NotEmpty(dashboard.Panels);
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_File_PanelIdsUniqueAndEveryPanelOnTheGrid(string file)
    {
        var panels = Load(file).Panels;

        Assert.All(panels, p => Assert.NotNull(p.Id));
        Assert.Equal(panels.Count, panels.Select(p => p.Id).Distinct().Count());
        Assert.All(panels, p =>
        {
            var grid = p.Json["gridPos"]!;
            var (x, w, h) = (grid["x"]!.GetValue<int>(), grid["w"]!.GetValue<int>(), grid["h"]!.GetValue<int>());
            Assert.True(x >= 0 && w > 0 && h > 0 && x + w <= 24, $"panel {p.Id} '{p.Title}' is off the 24-column grid");
            Assert.False(string.IsNullOrWhiteSpace(p.Title), $"panel {p.Id} has no title");
        });
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_File_EveryDatasourceIsTheProvisionedOne(string file)
    {
        var references = Load(file).DatasourceReferences().ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r =>
        {
            var datasource = Assert.IsAssignableFrom<JsonObject>(r.Datasource);
            Assert.True(
                datasource["uid"]?.GetValue<string>() == GrafanaFiles.DatasourceUid && datasource["type"]?.GetValue<string>() == "influxdb",
                $"{r.Where} uses {datasource.ToJsonString()}");
        });
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_File_EveryTargetRawInfluxQlBoundedByTheTimeFilter(string file)
    {
        var targets = Load(file).Targets.ToList();

        Assert.All(targets, t =>
        {
            var where = $"panel {t.Panel.Id} '{t.Panel.Title}' target {t.Target.RefId}";
            Assert.True(t.Target.RawQuery && !string.IsNullOrWhiteSpace(t.Target.Query), $"{where} is not raw InfluxQL");
            Assert.True(t.Target.Query!.Contains("$timeFilter", StringComparison.Ordinal), $"{where} reads every point ever written");
            Assert.False(FixedTimeBucket().IsMatch(t.Target.Query), $"{where} groups by a fixed time instead of $__interval");
            Assert.False(t.Target.Hidden, $"{where} is hidden");
        });
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Dashboard_File_EveryVariableAMultiValueTagQuery(string file)
    {
        Assert.All(Load(file).Variables, v =>
        {
            Assert.Equal("query", v.Type);
            Assert.StartsWith("SHOW TAG VALUES", v.Query, StringComparison.Ordinal);
            Assert.True(v.Multi && v.IncludeAll, $"${v.Name} is not multi-value with All");
        });
    }

    [GeneratedRegex(@"time\((?!\$__interval\)|\$interval\))")]
    private static partial Regex FixedTimeBucket();
}
