using Cockpit.Alerting;
using Cockpit.Alerting.Silences;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Alerting.Lifecycle;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Web.Alerts;

/// <summary>
/// A real alert book on a temp SQLite file (network outages inhibit complaint surges of their region), and the
/// alerts the page tests read, made by signals and commands in virtual time from Monday 00:00:
/// <list type="bullet">
/// <item><see cref="TianheSurge"/> 00:00, firing, warning, inhibited by <see cref="TianheOutage"/> (00:05, critical);</item>
/// <item><see cref="LiwanSurge"/> 00:10, acknowledged by li.wei at 00:12, silenced (region=liwan);</item>
/// <item><see cref="HaizhuLatency"/> 00:20, pending;</item>
/// <item><see cref="YuexiuSurge"/> 00:25, resolved by itself at 00:30.</item>
/// </list>
/// </summary>
public sealed class AlertPagesScenario : IDisposable
{
    public const string Evil = "<img src=x onerror=alert(1)>";

    public AlertPagesScenario()
    {
        H = new AlertBookHarness(new AlertingOptions
        {
            InhibitRules =
            [
                new InhibitRuleOptions { SourceMatchers = ["rule=network-outage"], TargetMatchers = ["rule=complaint-surge"], Equal = ["region"] },
            ],
        });
    }

    public AlertBookHarness H { get; }

    public long TianheSurge { get; private set; }

    public long TianheOutage { get; private set; }

    public long LiwanSurge { get; private set; }

    public long HaizhuLatency { get; private set; }

    public long YuexiuSurge { get; private set; }

    public string LiwanSilence { get; private set; } = "";

    /// <summary>Makes the alerts listed on the class.</summary>
    public AlertPagesScenario Build()
    {
        H.Fire(region: "tianhe");
        TianheSurge = H.Only(region: "tianhe").Id;
        H.Scheduler.Advance(TimeSpan.FromMinutes(5));
        H.Fire(rule: "network-outage", region: "tianhe", severity: AlertSeverity.Critical);
        TianheOutage = H.Only(rule: "network-outage", region: "tianhe").Id;
        H.Scheduler.Advance(TimeSpan.FromMinutes(5));
        H.Fire(region: "liwan");
        LiwanSurge = H.Only(region: "liwan").Id;
        H.Scheduler.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(Cockpit.Alerting.Model.AlertCommandOutcome.Done, H.Book.Acknowledge(LiwanSurge, "li.wei").Outcome);
        LiwanSilence = Silence("region=liwan", "li.wei");
        H.Scheduler.Advance(TimeSpan.FromMinutes(8));
        H.Pending(rule: "network-latency", region: "haizhu");
        HaizhuLatency = H.Only(rule: "network-latency", region: "haizhu").Id;
        H.Scheduler.Advance(TimeSpan.FromMinutes(5));
        H.Fire(region: "yuexiu");
        YuexiuSurge = H.Only(region: "yuexiu").Id;
        H.Scheduler.Advance(TimeSpan.FromMinutes(5));
        H.Recover(region: "yuexiu");
        return this;
    }

    /// <summary>Makes <paramref name="rule"/> in <paramref name="region"/> flap: three firings within the hour.</summary>
    public long Flap(string rule, string region)
    {
        for (var i = 0; i < 3; i++)
        {
            H.Fire(rule: rule, region: region);
            H.Scheduler.Advance(TimeSpan.FromMinutes(5));
            if (i < 2)
            {
                H.Recover(rule: rule, region: region);
                H.Scheduler.Advance(TimeSpan.FromMinutes(5));
            }
        }

        var alert = H.Only(rule: rule, region: region);
        Assert.True(alert.Flapping);
        return alert.Id;
    }

    /// <summary>A one-hour silence from now; its id.</summary>
    public string Silence(string matcher, string author)
    {
        Assert.True(LabelMatcherParser.TryParse(matcher, out var m, out var error), error);
        var result = H.Silences.Create(new SilenceRequest([m], null, H.Now + TimeSpan.FromHours(1), "planned maintenance"), author);
        return Assert.IsType<Silence>(result.Silence).Id;
    }

    /// <summary>Lets the UI throttle interval pass, so throttled subscribers are called.</summary>
    public void PassThrottle() => H.Scheduler.Advance(TimeSpan.FromSeconds(1));

    public static DateTimeOffset At(int minute) => Points.Monday.AddMinutes(minute);

    public void Dispose() => H.Dispose();
}
