using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Tests.Testing;
using static Cockpit.Tests.Alerting.Dispatch.AlertingHarness;

namespace Cockpit.Tests.Alerting.Dispatch;

/// <summary>前端 → 中台 after 15 min → 后端 after 45 min, counted from FiredAt, stopped by ack or resolve.</summary>
public sealed class EscalationTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Level1 = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Level2 = TimeSpan.FromMinutes(45);
    private readonly TempDirectory _dir = new();
    private readonly AlertingHarness _h;

    public EscalationTests()
    {
        _h = new AlertingHarness(_dir.Path, Options()).StartDispatcher();
    }

    public void Dispose()
    {
        _h.Dispose();
        _dir.Dispose();
    }

    internal static AlertingOptions Options() => new()
    {
        Receivers = [Receiver("wecom-front", ReceiverKind.WeCom), Receiver("dingtalk-middle", ReceiverKind.DingTalk), Receiver("feishu-back", ReceiverKind.Feishu)],
        Routes =
        [
            new RouteOptions
            {
                Name = "complaints",
                Team = "前端",
                Matchers = ["rule=complaint-surge"],
                Receivers = ["wecom-front"],
                Escalation =
                [
                    new EscalationOptions { After = Level1, Team = "中台", Receivers = ["dingtalk-middle"] },
                    new EscalationOptions { After = Level2, Team = "后端", Receivers = ["feishu-back"] },
                ],
            },
        ],
    };

    [Fact]
    public void StillFiring_EscalatesLevelByLevelInOrder()
    {
        _h.Book.Publish(TestAlerts.Firing(1, Start));

        _h.AdvanceTo(TimeSpan.FromHours(1));

        Assert.Equal(
            [
                (Start + Wait, "wecom-front", "前端", 0),
                (Start + Level1 + Wait, "dingtalk-middle", "中台", 1),
                (Start + Level2 + Wait, "feishu-back", "后端", 2),
            ],
            _h.Messages.Select(m => (m.CreatedAt, m.Receiver, m.Team, m.EscalationLevel)));
        Assert.Equal(
            [
                "level 1 of route complaints: team 中台, receivers dingtalk-middle",
                "level 2 of route complaints: team 后端, receivers feishu-back",
            ],
            _h.Book.Recorded.Where(e => e.Action == "escalated").Select(e => e.Detail));
        Assert.Contains("level=\"1\"", _h.Messages[1].GroupKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledged_StopsFurtherLevelsAndRepeats()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromMinutes(20));
        _h.Book.Publish(alert.Acknowledged(_h.Now));

        _h.AdvanceTo(TimeSpan.FromHours(12));

        Assert.Equal(["wecom-front", "dingtalk-middle"], _h.Messages.Select(m => m.Receiver));
        Assert.Single(_h.Book.Recorded, e => e.Action == "escalated");
    }

    [Fact]
    public void Resolved_StopsFurtherLevels_AndEachLevelToldGetsTheResolution()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromMinutes(20));
        _h.Book.Publish(alert.Resolved(_h.Now));

        _h.AdvanceTo(TimeSpan.FromHours(12));

        Assert.Equal(
            [("wecom-front", "firing"), ("dingtalk-middle", "firing"), ("wecom-front", "resolved"), ("dingtalk-middle", "resolved")],
            _h.Messages.Select(m => (m.Receiver, m.Status)));
        Assert.Equal(Start + Level1 + Wait + TimeSpan.FromMinutes(5), _h.Messages[3].CreatedAt);
    }

    [Fact]
    public void SilencedWhenTheLevelIsDue_DoesNotEscalateToIt()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromMinutes(10));
        _h.Book.Publish(alert.SilencedBy(_h.Now, "s-1"));
        _h.AdvanceTo(TimeSpan.FromMinutes(30));
        _h.Book.Publish(alert.SilencedBy(_h.Now));

        _h.AdvanceTo(TimeSpan.FromHours(1));

        Assert.Equal(["wecom-front", "wecom-front", "feishu-back"], _h.Messages.Select(m => m.Receiver));
        Assert.Equal([2], _h.Messages.Where(m => m.Receiver == "feishu-back").Select(m => m.EscalationLevel));
    }

    [Fact]
    public void Refired_EscalatesAgainFromTheNewFiredAt()
    {
        var alert = _h.Book.Publish(TestAlerts.Firing(1, Start));
        _h.AdvanceTo(TimeSpan.FromMinutes(5));
        _h.Book.Publish(alert.Resolved(_h.Now));
        _h.AdvanceTo(TimeSpan.FromMinutes(10));
        var refiredAt = _h.Now;
        _h.Book.Publish(alert with { FiredAt = refiredAt, StartsAt = refiredAt, ChangedAt = refiredAt, FireCount = 2 });

        _h.AdvanceTo(TimeSpan.FromMinutes(10) + Level1 + Wait);

        var escalated = Assert.Single(_h.Messages, m => m.EscalationLevel == 1);
        Assert.Equal(refiredAt + Level1 + Wait, escalated.CreatedAt);
    }
}
