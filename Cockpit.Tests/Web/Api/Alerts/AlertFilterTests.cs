using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Web.Api.Alerts;

namespace Cockpit.Tests.Web.Api.Alerts;

public sealed class AlertFilterTests
{
    private static readonly string[] Rules = ["complaint-surge", "network-outage"];

    private static AlertRecord Alert(AlertStatus status, AlertSeverity severity, string region, string rule = "complaint-surge")
    {
        var at = new DateTimeOffset(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);
        return new AlertRecord
        {
            Id = 1,
            Fingerprint = $"{rule}{{region={region}}}",
            Rule = rule,
            Measurement = "complaints",
            Tags = new Dictionary<string, string> { ["region"] = region },
            Severity = severity,
            Status = status,
            Summary = "s",
            StartsAt = at,
            UpdatedAt = at,
            ChangedAt = at,
        };
    }

    private static AlertFilter Parse(string? state = null, string? severity = null, string? region = null, string? rule = null)
    {
        var filter = AlertFilter.TryParse(state, severity, region, rule, Rules, out var error);
        Assert.True(filter is not null, error);
        return filter;
    }

    [Fact]
    public void Matches_NoFilters_Everything()
    {
        var filter = Parse();

        Assert.True(filter.Matches(Alert(AlertStatus.Resolved, AlertSeverity.Info, "tianhe")));
        Assert.True(filter.Matches(Alert(AlertStatus.Pending, AlertSeverity.Critical, "yuexiu", "network-outage")));
    }

    [Fact]
    public void Matches_SeveralStates_AnyOfThem()
    {
        var filter = Parse(state: "firing, Acknowledged");

        Assert.True(filter.Matches(Alert(AlertStatus.Firing, AlertSeverity.Warning, "tianhe")));
        Assert.True(filter.Matches(Alert(AlertStatus.Acknowledged, AlertSeverity.Warning, "tianhe")));
        Assert.False(filter.Matches(Alert(AlertStatus.Pending, AlertSeverity.Warning, "tianhe")));
        Assert.False(filter.Matches(Alert(AlertStatus.Resolved, AlertSeverity.Warning, "tianhe")));
    }

    [Fact]
    public void Matches_AllFilters_Combined()
    {
        var filter = Parse(state: "firing", severity: "critical", region: "tianhe", rule: "network-outage");

        Assert.True(filter.Matches(Alert(AlertStatus.Firing, AlertSeverity.Critical, "tianhe", "network-outage")));
        Assert.False(filter.Matches(Alert(AlertStatus.Firing, AlertSeverity.Warning, "tianhe", "network-outage")));
        Assert.False(filter.Matches(Alert(AlertStatus.Firing, AlertSeverity.Critical, "yuexiu", "network-outage")));
        Assert.False(filter.Matches(Alert(AlertStatus.Firing, AlertSeverity.Critical, "tianhe", "complaint-surge")));
        Assert.False(filter.Matches(Alert(AlertStatus.Resolved, AlertSeverity.Critical, "tianhe", "network-outage")));
    }

    [Fact]
    public void Matches_Region_AnyCaseButNotAlertsWithoutRegion()
    {
        var filter = Parse(region: "TianHe,yuexiu");
        var global = Alert(AlertStatus.Firing, AlertSeverity.Warning, "tianhe") with { Tags = new Dictionary<string, string>() };

        Assert.True(filter.Matches(Alert(AlertStatus.Firing, AlertSeverity.Warning, "tianhe")));
        Assert.True(filter.Matches(Alert(AlertStatus.Firing, AlertSeverity.Warning, "yuexiu")));
        Assert.False(filter.Matches(Alert(AlertStatus.Firing, AlertSeverity.Warning, "haizhu")));
        Assert.False(filter.Matches(global));
    }

    [Theory]
    [InlineData("exploded", null, null, "Unknown state 'exploded'; use one of: pending, firing, acknowledged, resolved (comma-separated for several).")]
    [InlineData("firing,1", null, null, "Unknown state '1'; use one of: pending, firing, acknowledged, resolved (comma-separated for several).")]
    [InlineData(null, "fatal,minor", null, "Unknown severity 'fatal', 'minor'; use one of: info, warning, critical (comma-separated for several).")]
    [InlineData(null, null, "complaint-surges", "Unknown rule 'complaint-surges'; use one of: complaint-surge, network-outage (comma-separated for several).")]
    [InlineData("x", "y", null, "Unknown state 'x'; use one of: pending, firing, acknowledged, resolved (comma-separated for several). Unknown severity 'y'; use one of: info, warning, critical (comma-separated for several).")]
    public void TryParse_UnknownValue_NullWithTheAllowedOnes(string? state, string? severity, string? rule, string expected)
    {
        var filter = AlertFilter.TryParse(state, severity, null, rule, Rules, out var error);

        Assert.Null(filter);
        Assert.Equal(expected, error);
    }
}
