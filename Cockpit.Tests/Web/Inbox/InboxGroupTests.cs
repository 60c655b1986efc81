using Cockpit.Detection.Alerts;
using Cockpit.Tests.Web.Alerts;
using Cockpit.Web.Inbox;

namespace Cockpit.Tests.Web.Inbox;

public sealed class InboxGroupTests : IDisposable
{
    private readonly AlertPagesScenario _s = new AlertPagesScenario().Build();

    public void Dispose() => _s.Dispose();

    private static long[][] Ids(IReadOnlyList<InboxGroup> groups) => [.. groups.Select(g => g.Alerts.Select(a => a.Id).ToArray())];

    [Fact]
    public void Of_Nothing_NoGroups() => Assert.Empty(InboxGroup.Of([], GroupingDefaults));

    private static IReadOnlyList<string> GroupingDefaults => Cockpit.Alerting.GroupingOptions.DefaultGroupBy;

    [Fact]
    public void Of_RuleAndRegion_FiringGroupsFirstMostSevereFirst_ThenOpen_ThenResolved()
    {
        var groups = InboxGroup.Of(_s.H.Book.Snapshot(), GroupingDefaults);

        Assert.Equal([[_s.TianheOutage], [_s.TianheSurge], [_s.HaizhuLatency], [_s.LiwanSurge], [_s.YuexiuSurge]], Ids(groups));
        Assert.Equal([KeyValuePair.Create("rule", "network-outage"), KeyValuePair.Create("region", "tianhe")], groups[0].Values);
        Assert.Equal(AlertSeverity.Critical, groups[0].Severity);
    }

    [Fact]
    public void Of_Region_AlertsOfARegionTogetherInListOrder_Counts()
    {
        var groups = InboxGroup.Of(_s.H.Book.Snapshot(), ["region"]);

        Assert.Equal([[_s.TianheOutage, _s.TianheSurge], [_s.HaizhuLatency], [_s.LiwanSurge], [_s.YuexiuSurge]], Ids(groups));
        Assert.Equal((2, 2, 2), (groups[0].Alerts.Count, groups[0].Open, groups[0].Firing));
        Assert.Equal((1, 0, 0), (groups[3].Alerts.Count, groups[3].Open, groups[3].Firing));
    }

    [Fact]
    public void Of_MissingLabel_GroupedUnderEmptyValue()
    {
        var groups = InboxGroup.Of(_s.H.Book.Snapshot(), ["cell"]);

        var group = Assert.Single(groups);
        Assert.Equal([KeyValuePair.Create("cell", "")], group.Values);
        Assert.Equal(5, group.Alerts.Count);
    }

    [Fact]
    public void Of_Severity_IsALabelToo()
    {
        var groups = InboxGroup.Of(_s.H.Book.Snapshot(), ["severity"]);

        Assert.Equal(["critical", "warning"], groups.Select(g => g.Values[0].Value));
        Assert.DoesNotContain(groups, g => g.Alerts.Any(a => a.Severity.ToString().ToLowerInvariant() != g.Values[0].Value));
        Assert.Equal(4, groups[1].Alerts.Count);
    }
}
