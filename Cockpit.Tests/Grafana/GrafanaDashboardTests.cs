using System.Text.Json;

namespace Cockpit.Tests.Grafana;

public sealed class GrafanaDashboardTests
{
    [Fact]
    public void Panels_CollapsedRow_NestedPanelsAndTheirTargetsIncluded()
    {
        var dashboard = GrafanaDashboard.Parse("test.json", """
            {"uid":"t","title":"t","panels":[
              {"id":1,"type":"stat","title":"a","targets":[{"refId":"A","rawQuery":true,"query":"SELECT 1"}]},
              {"id":2,"type":"row","title":"r","collapsed":true,"panels":[
                {"id":3,"type":"timeseries","title":"b","timeShift":"7d","targets":[
                  {"refId":"A","rawQuery":true,"query":"SELECT 2"},{"refId":"B","rawQuery":true,"query":"SELECT 3","hide":true}]}]}]}
            """);

        Assert.Equal([1, 2, 3], dashboard.Panels.Select(p => p.Id ?? 0));
        Assert.Equal(["SELECT 1", "SELECT 2", "SELECT 3"], dashboard.Targets.Select(t => t.Target.Query));
        Assert.Equal("7d", dashboard.Panels[2].TimeShift);
        Assert.True(dashboard.Targets.Last().Target.Hidden);
    }

    [Fact]
    public void Parse_TrailingComma_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => GrafanaDashboard.Parse("test.json", """{"uid":"t","panels":[],}"""));
    }

    [Fact]
    public void DatasourceReferences_PanelTargetAndVariable_EachFound()
    {
        var dashboard = GrafanaDashboard.Parse("test.json", """
            {"uid":"t","title":"t",
             "templating":{"list":[{"name":"v","type":"query","datasource":{"uid":"x"}}]},
             "panels":[{"id":1,"type":"stat","title":"a","datasource":{"uid":"y"},"targets":[{"refId":"A","datasource":"legacy name"}]}]}
            """);

        Assert.Equal(
            ["panel 1 'a'", "panel 1 'a' target A", "variable v"],
            dashboard.DatasourceReferences().Select(r => r.Where));
    }
}
