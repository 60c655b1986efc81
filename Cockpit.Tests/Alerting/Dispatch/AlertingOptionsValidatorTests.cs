using Cockpit.Alerting;
using Cockpit.Alerting.Dispatch;
using static Cockpit.Tests.Alerting.Dispatch.AlertingHarness;

namespace Cockpit.Tests.Alerting.Dispatch;

public sealed class AlertingOptionsValidatorTests
{
    [Fact]
    public void Validate_SoundConfiguration_Succeeds()
    {
        var result = new AlertingOptionsValidator().Validate(null, EscalationTests.Options());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_BadMatcher_NamesTheRouteAndTheMatcher()
    {
        var options = Options(new RouteOptions { Name = "frontline", Matchers = ["region=tianhe", "rule=~(unclosed"], Receivers = ["hook"] });

        var failure = Assert.Single(Failures(options));

        Assert.StartsWith("Property Cockpit:Alerting:Routes:0:Matchers:1: route 'frontline' has a bad matcher: Matcher 'rule=~(unclosed' has a bad regular expression", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownReceivers_InRoutesAndEscalation()
    {
        var options = Options(new RouteOptions
        {
            Name = "frontline",
            Receivers = ["hook", "wecom"],
            Escalation = [new EscalationOptions { After = TimeSpan.FromMinutes(15), Receivers = ["middle"] }],
        });

        Assert.Equal(
            [
                "Property Cockpit:Alerting:Routes:0:Receivers:1: route 'frontline' names receiver 'wecom', which is not configured.",
                "Property Cockpit:Alerting:Routes:0:Escalation:0:Receivers:0: route 'frontline' names receiver 'middle', which is not configured.",
            ],
            Failures(options));
    }

    [Fact]
    public void Validate_DuplicateRouteNames()
    {
        var options = Options(new RouteOptions { Name = "r", Receivers = ["hook"] }, new RouteOptions { Name = "r", Receivers = ["hook"] });

        Assert.Equal(["Property Cockpit:Alerting:Routes:1:Name: 'r' is used by more than one route."], Failures(options));
    }

    [Fact]
    public void Validate_GroupingAndDeliveryTimers()
    {
        var options = Options(new RouteOptions { Name = "r", Receivers = ["hook"], RepeatInterval = TimeSpan.Zero });
        options.Grouping.GroupInterval = TimeSpan.Zero;
        options.Delivery.MaxBackoff = TimeSpan.FromMilliseconds(10);

        Assert.Equal(
            [
                "Property Cockpit:Alerting:Routes:0:RepeatInterval: route 'r' needs a positive value.",
                "Property Cockpit:Alerting:Grouping:GroupInterval: needs a positive value.",
                "Property Cockpit:Alerting:Delivery:MaxBackoff: 00:00:00.0100000 is shorter than MinBackoff (00:00:01).",
            ],
            Failures(options));
    }

    [Fact]
    public void Validate_EscalationLevelsOutOfOrder()
    {
        var options = Options(new RouteOptions
        {
            Name = "r",
            Receivers = ["hook"],
            Escalation =
            [
                new EscalationOptions { After = TimeSpan.FromMinutes(30), Receivers = ["hook"] },
                new EscalationOptions { After = TimeSpan.FromMinutes(15), Receivers = ["hook"] },
            ],
        });

        Assert.Equal(
            ["Property Cockpit:Alerting:Routes:0:Escalation:1:After: route 'r' level 2 comes after 00:15:00; levels need positive times, in order (the level above: 00:30:00)."],
            Failures(options));
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en", true)]
    [InlineData("EN", true)]
    [InlineData("fr", false)]
    [InlineData("", false)]
    public void Validate_Language_ZhCnOrEn(string language, bool valid)
    {
        var options = Options();
        options.Language = language;

        Assert.Equal(valid ? [] : ["Property Cockpit:Alerting:Language: must be zh-CN or en."], Failures(options));
    }

    private static AlertingOptions Options(params RouteOptions[] routes) => new() { Receivers = [Receiver("hook")], Routes = [.. routes] };

    private static IReadOnlyList<string> Failures(AlertingOptions options) =>
        new AlertingOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
}
