using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Tests.Testing;
using Cockpit.Web.Wall;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Web.Wall;

public sealed class WeekAgoComplaintsTests
{
    private static readonly DateTimeOffset End = Points.Monday.AddDays(7).AddHours(10);

    private readonly FakeMetricStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _log = new();
    private readonly WeekAgoComplaints _weekAgo;

    public WeekAgoComplaintsTests()
    {
        _store.Answer = _ => FakeMetricStore.Complaints((Points.Monday.AddHours(9), 700), (Points.Monday.AddHours(9.5), 50));
        _weekAgo = new WeekAgoComplaints(_store, _time, new LoggerFactory([_log]).CreateLogger<WeekAgoComplaints>());
    }

    [Fact]
    public async Task Get_First_NullThenTheSumOfTheSameHourLastWeek()
    {
        Assert.Null(_weekAgo.Get(End));
        await _weekAgo.Pending;

        var value = _weekAgo.Get(End);

        Assert.Equal(new WeekAgoValue(End, 750), value);
        var query = Assert.Single(_store.Queries);
        Assert.Equal(MetricNames.Complaints, query.Measurement);
        Assert.Equal(MetricNames.CountField, query.Field);
        Assert.Equal(Aggregate.Sum, query.Aggregate);
        Assert.Equal(End.AddDays(-7).AddHours(-1), query.From);
        Assert.Equal(End.AddDays(-7), query.To);
    }

    [Fact]
    public async Task Get_Again_ServedFromTheCacheUntilTheRefreshInterval()
    {
        _weekAgo.Get(End);
        await _weekAgo.Pending;

        for (var i = 0; i < 100; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            _weekAgo.Get(End.AddSeconds(i));
        }

        Assert.Single(_store.Queries);
        _time.Advance(WeekAgoComplaints.RefreshInterval);
        _weekAgo.Get(End.AddMinutes(2));
        await _weekAgo.Pending;
        Assert.Equal(2, _store.Queries.Count);
    }

    [Fact]
    public async Task Get_DataTimeMovedFar_RefreshesSoonerButNotMoreOftenThanTheMinimum()
    {
        _weekAgo.Get(End);
        await _weekAgo.Pending;

        _weekAgo.Get(End.AddHours(1));
        Assert.Single(_store.Queries);

        _time.Advance(WeekAgoComplaints.MinInterval);
        _weekAgo.Get(End.AddHours(1));
        await _weekAgo.Pending;

        Assert.Equal(2, _store.Queries.Count);
        Assert.Equal(End.AddHours(1), _weekAgo.Get(End.AddHours(1))!.WindowEnd);
    }

    [Fact]
    public async Task Get_NoDataLastWeek_ValueWithoutCount()
    {
        _store.Answer = _ => new QueryResult([]);

        _weekAgo.Get(End);
        await _weekAgo.Pending;

        Assert.Equal(new WeekAgoValue(End, null), _weekAgo.Get(End));
    }

    [Fact]
    public async Task Get_QueryInFlight_NoSecondQuery()
    {
        _store.Gate = new TaskCompletionSource();
        _weekAgo.Get(End);
        _time.Advance(WeekAgoComplaints.RefreshInterval * 2);

        _weekAgo.Get(End.AddHours(2));
        _store.Gate.SetResult();
        await _weekAgo.Pending;

        Assert.Single(_store.Queries);
    }

    [Fact]
    public async Task Get_StoreFails_KeepsThePreviousValueAndLogs3540()
    {
        _weekAgo.Get(End);
        await _weekAgo.Pending;
        _store.Answer = _ => throw new InvalidOperationException("store down");
        _time.Advance(WeekAgoComplaints.RefreshInterval);

        _weekAgo.Get(End.AddMinutes(1));
        await _weekAgo.Pending;

        Assert.Equal(new WeekAgoValue(End, 750), _weekAgo.Get(End.AddMinutes(1)));
        Assert.Contains("[3540]", _log.ToString(), StringComparison.Ordinal);
    }
}
