using Cockpit.Alerting;
using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;

namespace Cockpit.Tests.Alerting.Lifecycle;

/// <summary>Silences and inhibition: alerts stay visible and marked, and marks follow silences and causes in time.</summary>
public sealed class AlertBookMarksTests : IDisposable
{
    private readonly AlertBookHarness _h = new(new AlertingOptions
    {
        InhibitRules =
        [
            new InhibitRuleOptions { SourceMatchers = ["rule=network-outage"], TargetMatchers = ["rule=~complaint-surge|network-latency"], Equal = ["region"] },
        ],
    });

    public void Dispose() => _h.Dispose();

    private static LabelMatcher Matcher(string text) =>
        LabelMatcherParser.TryParse(text, out var m, out var error) ? m : throw new InvalidOperationException(error);

    private Silence Silence(string matcher, TimeSpan duration, TimeSpan? startIn = null) =>
        _h.Silences.Create(new SilenceRequest([Matcher(matcher)], startIn is null ? null : _h.Now + startIn, _h.Now + (startIn ?? TimeSpan.Zero) + duration, "planned maintenance"), "li.wei").Silence!;

    [Fact]
    public void Silence_MarksMatchingAlertsOnly_AndReleasesThemWhenItEnds()
    {
        _h.Fire(region: "tianhe");
        _h.Fire(region: "liwan");
        var silence = Silence("region=tianhe", TimeSpan.FromHours(1));

        var tianhe = _h.Only(region: "tianhe");
        Assert.Equal([silence.Id], tianhe.SilencedBy);
        Assert.False(tianhe.Notifiable);
        Assert.Equal(AlertStatus.Firing, tianhe.Status); // still visible, still firing
        Assert.Empty(_h.Only(region: "liwan").SilencedBy);

        // An alert that fires while the silence is on is silenced from its first change on.
        _h.Fire(rule: "success-rate-low", region: "tianhe");
        Assert.DoesNotContain(_h.Changes, c => c.Rule == "success-rate-low" && !c.Silenced);

        _h.Scheduler.Advance(TimeSpan.FromMinutes(59));
        Assert.True(_h.Only(region: "tianhe").Silenced);
        _h.Scheduler.Advance(TimeSpan.FromMinutes(1));
        Assert.False(_h.Only(region: "tianhe").Silenced);
        Assert.True(_h.Changes[^1].Notifiable);
        Assert.Equal(["silenced", "unsilenced"], _h.Book.History(tianhe.Id).Where(e => e.Action.Contains("silenced", StringComparison.Ordinal)).Select(e => e.Action));
    }

    [Fact]
    public void Silence_StartingLater_AppliesFromItsStart_AndExpiringEndsItAtOnce()
    {
        _h.Fire();
        var silence = Silence("rule=complaint-surge", TimeSpan.FromHours(2), startIn: TimeSpan.FromMinutes(30));
        Assert.Equal(SilenceState.Pending, silence.StateAt(_h.Now));
        Assert.False(_h.Only().Silenced);

        _h.Scheduler.Advance(TimeSpan.FromMinutes(30));
        Assert.True(_h.Only().Silenced);

        _h.Scheduler.Advance(TimeSpan.FromMinutes(10));
        Assert.True(_h.Silences.Expire(silence.Id, "wang.fang"));
        Assert.False(_h.Only().Silenced);
        var expired = _h.Silences.Find(silence.Id)!;
        Assert.Equal(("wang.fang", _h.Now, SilenceState.Expired), (expired.ExpiredBy, expired.EndsAt, expired.StateAt(_h.Now)));
        Assert.False(_h.Silences.Expire(silence.Id, "again"));
        Assert.False(_h.Silences.Expire("nope", "x"));
    }

    [Fact]
    public void Silence_BadRequests_ListEveryProblem()
    {
        var result = _h.Silences.Create(new SilenceRequest([], null, _h.Now - TimeSpan.FromMinutes(1), " "), "li.wei");

        Assert.False(result.Ok);
        Assert.Equal(4, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("at least one matcher", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("must be after the start", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("comment is required", StringComparison.Ordinal));

        var everything = _h.Silences.Create(new SilenceRequest([Matcher("region=~.*")], null, _h.Now.AddHours(1), "mute all"), "x");
        Assert.Contains("mute everything", Assert.Single(everything.Errors), StringComparison.Ordinal);
        var tooLong = _h.Silences.Create(new SilenceRequest([Matcher("region=tianhe")], null, _h.Now.AddDays(31), "long"), "x");
        Assert.Contains("at most 30 days", Assert.Single(tooLong.Errors), StringComparison.Ordinal);
        Assert.Empty(_h.Silences.List());
    }

    [Fact]
    public void Inhibition_OutageInARegion_MutesThatRegionsSurgeWithALinkToItsCause()
    {
        _h.Fire(rule: "complaint-surge", region: "tianhe");
        _h.Fire(rule: "complaint-surge", region: "liwan");
        _h.Fire(rule: "network-outage", region: "tianhe");
        var outage = _h.Only(rule: "network-outage", region: "tianhe");

        var surge = _h.Only(rule: "complaint-surge", region: "tianhe");
        Assert.Equal(outage.Id, surge.InhibitedBy);
        Assert.Equal($"likely caused by alert {outage.Id}: network-outage in tianhe at score 0.90", surge.LikelyCause);
        Assert.False(surge.Notifiable);
        Assert.Null(_h.Only(rule: "complaint-surge", region: "liwan").InhibitedBy);
        Assert.Null(outage.InhibitedBy); // a source does not inhibit itself

        // Acknowledging the outage keeps it active: the surge stays muted. Resolving it releases the surge.
        _h.Book.Acknowledge(outage.Id, "li.wei");
        Assert.Equal(outage.Id, _h.Only(rule: "complaint-surge", region: "tianhe").InhibitedBy);
        _h.Recover(rule: "network-outage", region: "tianhe");
        var released = _h.Only(rule: "complaint-surge", region: "tianhe");
        Assert.Null(released.InhibitedBy);
        Assert.True(released.Notifiable);
        Assert.Equal(["inhibited", "uninhibited"], _h.Book.History(surge.Id).Where(e => e.Action.Contains("inhibited", StringComparison.Ordinal)).Select(e => e.Action));
    }

    [Fact]
    public void Inhibition_SurgeThatFiresAfterTheOutage_IsMutedFromItsFirstChange()
    {
        _h.Fire(rule: "network-outage", region: "tianhe");
        _h.Fire(rule: "network-latency", region: "tianhe");

        Assert.All(_h.Changes.Where(c => c.Rule == "network-latency"), c => Assert.NotNull(c.InhibitedBy));
    }

    [Fact]
    public void Restart_AcksNotesAndSilencesSurviveAndOpenAlertsWaitForTheirRuleToConfirmThem()
    {
        _h.Fire(region: "tianhe");
        _h.Fire(region: "liwan");
        var tianhe = _h.Only(region: "tianhe").Id;
        var liwan = _h.Only(region: "liwan").Id;
        _h.Book.Acknowledge(tianhe, "li.wei");
        _h.Book.AddNote(tianhe, "li.wei", "district office informed");
        var silence = Silence("region=liwan", TimeSpan.FromHours(3));

        using var after = _h.Restart();

        var acked = after.Only(region: "tianhe");
        Assert.Equal((tianhe, AlertStatus.Acknowledged, "li.wei"), (acked.Id, acked.Status, acked.AcknowledgedBy));
        Assert.Equal("district office informed", Assert.Single(after.Book.Notes(tianhe)).Text);
        Assert.Equal(silence.Id, Assert.Single(after.Silences.List()).Id);
        Assert.Equal([silence.Id], after.Only(region: "liwan").SilencedBy);

        // The rule fires tianhe again after the restart: confirmed, same alert and episode. liwan never comes back.
        after.Scheduler.Advance(TimeSpan.FromMinutes(5));
        after.Fire(region: "tianhe");
        after.Scheduler.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((AlertStatus.Acknowledged, 1), (after.Only(region: "tianhe").Status, after.Only(region: "tianhe").FireCount));
        Assert.Equal(AlertStatus.Resolved, after.Only(region: "liwan").Status);
        Assert.Contains("not confirmed by its rule within 15 min after a restart", after.Book.History(liwan)[^1].Detail, StringComparison.Ordinal);

        // New alerts continue the ids.
        after.Fire(region: "haizhu");
        Assert.True(after.Only(region: "haizhu").Id > Math.Max(tianhe, liwan));
    }
}
