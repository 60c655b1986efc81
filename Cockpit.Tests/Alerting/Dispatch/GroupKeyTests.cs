using Cockpit.Alerting.Dispatch;

namespace Cockpit.Tests.Alerting.Dispatch;

public sealed class GroupKeyTests
{
    [Fact]
    public void For_QuotesAndEscapes_SoDistinctGroupsNeverShareAKey()
    {
        var a = GroupKey.For("r", "x", 0, new Dictionary<string, string> { ["a"] = "1\",b=\"2" });
        var b = GroupKey.For("r", "x", 0, new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" });

        Assert.Equal("""{route="r",receiver="x",level="0"}:{a="1\",b=\"2"}""", a);
        Assert.Equal("""{route="r",receiver="x",level="0"}:{a="1",b="2"}""", b);
    }

    [Fact]
    public void GroupLabels_TakesThePresentGroupByLabelsInNameOrder()
    {
        var labels = GroupKey.GroupLabels(
            new Dictionary<string, string> { ["rule"] = "complaint-surge", ["region"] = "tianhe", ["channel"] = "app" }, ["rule", "region", "team"]);

        Assert.Equal([new("region", "tianhe"), new KeyValuePair<string, string>("rule", "complaint-surge")], labels);
    }
}
