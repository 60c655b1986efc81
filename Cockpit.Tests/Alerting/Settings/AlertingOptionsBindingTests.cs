using Cockpit.Alerting;
using Microsoft.Extensions.Configuration;

namespace Cockpit.Tests.Alerting.Settings;

/// <summary>What configuration (appsettings or environment variables) makes of the alerting settings.</summary>
public sealed class AlertingOptionsBindingTests
{
    private static AlertingOptions Bind(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build()
            .GetSection(AlertingOptions.SectionName)
            .Get<AlertingOptions>() ?? new AlertingOptions();

    [Fact]
    public void GroupBy_NotSet_IsRuleAndRegion() =>
        Assert.Equal(["rule", "region"], Bind(("Cockpit:Alerting:ExternalUrl", "http://x")).Grouping.EffectiveGroupBy);

    [Fact]
    public void GroupBy_Set_ReplacesTheDefaultInsteadOfAddingToIt() =>
        Assert.Equal(["region"], Bind(("Cockpit:Alerting:Grouping:GroupBy:0", "region")).Grouping.EffectiveGroupBy);

    [Fact]
    public void Receiver_FromEnvironmentStyleKeysAlone_IsComplete()
    {
        var options = Bind(
            ("Cockpit:Alerting:Receivers:0:Name", "ops"),
            ("Cockpit:Alerting:Receivers:0:Kind", "webhook"),
            ("Cockpit:Alerting:Receivers:0:Url", "http://relay.internal/hook"));

        var receiver = Assert.Single(options.Receivers);
        Assert.Equal(("ops", Cockpit.Alerting.Channels.ReceiverKind.Webhook, "http://relay.internal/hook"), (receiver.Name, receiver.Kind, receiver.Url));
        Assert.Empty(options.Routes);
    }
}
