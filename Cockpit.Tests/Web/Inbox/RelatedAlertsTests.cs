using Cockpit.Detection.Alerts;
using Cockpit.Tests.Web.Alerts;
using Cockpit.Web.Inbox;

namespace Cockpit.Tests.Web.Inbox;

public sealed class RelatedAlertsTests : IDisposable
{
    private readonly AlertPagesScenario _s = new AlertPagesScenario().Build();

    public void Dispose() => _s.Dispose();

    private RelatedAlerts Of(long id) => RelatedAlerts.Of(_s.H.Book.Find(id)!, _s.H.Book.Snapshot(), _s.H.Book.Find);

    [Fact]
    public void Of_InhibitedAlert_ItsCause_NotRepeatedUnderSameRegion()
    {
        var related = Of(_s.TianheSurge);

        Assert.Equal(_s.TianheOutage, related.InhibitedBy!.Id);
        Assert.Empty(related.Inhibits);
        Assert.Empty(related.SameRegion);
    }

    [Fact]
    public void Of_InhibitingAlert_WhatItInhibits()
    {
        var related = Of(_s.TianheOutage);

        Assert.Null(related.InhibitedBy);
        Assert.Equal([_s.TianheSurge], related.Inhibits.Select(a => a.Id));
    }

    [Fact]
    public void Of_SameRegionWithinAnHour_NearestFirst_OlderOrLaterOnesLeftOut()
    {
        // liwan surge started 00:10; add liwan alerts at 00:40 (related), and at 01:20 (outside the hour).
        _s.H.Scheduler.Advance(TimeSpan.FromMinutes(10));
        _s.H.Fire(rule: "network-latency", region: "liwan");
        _s.H.Scheduler.Advance(TimeSpan.FromMinutes(40));
        _s.H.Fire(rule: "network-loss-high", region: "liwan", severity: AlertSeverity.Critical);
        var latency = _s.H.Only(rule: "network-latency", region: "liwan").Id;

        var related = Of(_s.LiwanSurge);

        Assert.Equal([latency], related.SameRegion.Select(a => a.Id));
    }

    [Fact]
    public void Of_Alone_Empty()
    {
        Assert.True(Of(_s.YuexiuSurge).IsEmpty);
    }
}
