using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Alerting.Dispatch;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>A group's message is written in its receiver's language: its own Language, else Cockpit:Alerting:Language.</summary>
public sealed class NotificationBuilderTests
{
    private static readonly SignalFacts Facts = new()
    {
        Kind = SignalFactKind.BeyondLimit,
        Measurement = "network",
        Field = "loss_pct",
        Labels = new Dictionary<string, string> { ["region"] = "tianhe" },
        Value = 7.25,
        Upper = 5,
        Score = 0.8,
    };

    private static AlertRecord Alert(SignalFacts? facts) => new()
    {
        Id = 3,
        Fingerprint = "network-loss{region=tianhe}",
        Rule = "network-loss",
        Measurement = "network",
        Tags = new Dictionary<string, string> { ["region"] = "tianhe" },
        Severity = AlertSeverity.Warning,
        Status = AlertStatus.Firing,
        Summary = facts is null ? "an old English summary" : SignalFactsFormatter.Summary(facts),
        Facts = facts,
        StartsAt = Points.Monday,
        UpdatedAt = Points.Monday,
        ChangedAt = Points.Monday,
    };

    private static NotificationGroup Group(string receiver) =>
        new("k", "route", receiver, 0, "", new Dictionary<string, string>(), new GroupTimers(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero), Points.Monday);

    [Theory]
    [InlineData("zh-CN", "zh-CN", "网络丢包率（%） 天河 tianhe：7.25，超出限值（不高于 5）")]
    [InlineData("en", "en", "network loss (%) 天河 tianhe is 7.25, beyond its limit (at most 5)")]
    public void Build_SummaryAnnotationInTheLanguage_FactsAndEnglishSummaryTravelBeside(string language, string expectedLanguage, string summary)
    {
        var notification = NotificationBuilder.Build(Group("ops"), [Alert(Facts)], [], Points.Monday, "http://cockpit", language);

        Assert.Equal(expectedLanguage, notification.Language);
        var alert = Assert.Single(notification.Alerts);
        Assert.Equal(summary, alert.Annotations["summary"]);
        Assert.Equal(Facts, alert.Facts);
        Assert.Equal("network.loss_pct region=tianhe is 7.25, beyond its limit (at most 5)", alert.Summary);
    }

    [Fact]
    public void Build_AlertWithoutFacts_ItsStoredSummary() =>
        Assert.Equal("an old English summary", NotificationBuilder.Build(Group("ops"), [Alert(null)], [], Points.Monday, "http://cockpit", "zh-CN").Alerts[0].Annotations["summary"]);

    [Fact]
    public void LanguageOf_ReceiverOverride_ElseTheDefault()
    {
        var options = new AlertingOptions
        {
            Receivers = [new ReceiverOptions { Name = "vendor", Language = "EN" }, new ReceiverOptions { Name = "frontline" }],
        };

        Assert.Equal(("en", "zh-CN", "zh-CN"), (options.LanguageOf("vendor"), options.LanguageOf("frontline"), options.LanguageOf("gone")));
        options.Language = "en";
        Assert.Equal("en", options.LanguageOf("frontline"));
    }
}
