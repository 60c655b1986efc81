using Cockpit.Ingest.Mqtt;

namespace Cockpit.Tests.Ingest.Mqtt;

public sealed class MqttTopicFilterTests
{
    [Theory]
    [InlineData("cockpit/complaints")]
    [InlineData("cockpit/#")]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("cockpit/+/complaints")]
    [InlineData("+/+/#")]
    [InlineData("/leading/slash")]
    [InlineData("trailing/")]
    [InlineData("$SYS/#")]
    [InlineData("区/天河")]
    public void IsValid_WellFormedFilter_True(string filter)
    {
        Assert.True(MqttTopicFilter.IsValid(filter));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cockpit/#/more")]
    [InlineData("cockpit#")]
    [InlineData("cockpit/a+")]
    [InlineData("cockpit/+a/b")]
    [InlineData("##")]
    [InlineData("a\0b")]
    public void IsValid_MalformedFilter_False(string? filter)
    {
        Assert.False(MqttTopicFilter.IsValid(filter));
    }
}
