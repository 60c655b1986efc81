using System.Reactive.Linq;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Detection;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;

namespace Cockpit.Tests.Web.Wall;

/// <summary>An alert book the wall tests fill by hand; only what the wall reads is implemented.</summary>
internal sealed class FakeAlertBook : IAlertBook
{
    private readonly List<Action> _subscribers = [];

    public List<AlertRecord> Alerts { get; } = [];

    public int Subscribers => _subscribers.Count;

    public IObservable<AlertRecord> Changes => Observable.Never<AlertRecord>();

    public IReadOnlyList<AlertRecord> Snapshot() => [.. Alerts];

    public IDisposable SubscribeThrottled(Action onChanged)
    {
        _subscribers.Add(onChanged);
        return System.Reactive.Disposables.Disposable.Create(() => _subscribers.Remove(onChanged));
    }

    public void Publish()
    {
        foreach (var subscriber in _subscribers.ToList())
        {
            subscriber();
        }
    }

    public AlertRecord? Find(long id) => Alerts.FirstOrDefault(a => a.Id == id);

    public AlertCommandResult Acknowledge(long id, string actor) => throw new NotSupportedException();

    public AlertCommandResult Resolve(long id, string actor) => throw new NotSupportedException();

    public AlertCommandResult AddNote(long id, string author, string text) => throw new NotSupportedException();

    public IReadOnlyList<AlertHistoryEntry> History(long id) => [];

    public IReadOnlyList<AlertNote> Notes(long id) => [];

    public void Record(long id, string actor, string action, string detail)
    {
    }
}

/// <summary>A store that answers every query with what the test set, counting queries; other members are unused.</summary>
internal sealed class FakeMetricStore : IMetricStore
{
    public List<MetricQuery> Queries { get; } = [];

    public Func<MetricQuery, QueryResult> Answer { get; set; } = _ => new QueryResult([]);

    public TaskCompletionSource? Gate { get; set; }

    public void Append(ReadOnlySpan<MetricPoint> points) => throw new NotSupportedException();

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<QueryResult> QueryAsync(MetricQuery query, CancellationToken cancellationToken)
    {
        lock (Queries)
        {
            Queries.Add(query);
        }

        if (Gate is { } gate)
        {
            await gate.Task;
        }

        return Answer(query);
    }

    public Task<IReadOnlyList<SeriesInfo>> ListSeriesAsync(string? measurement, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<string>> ListTagValuesAsync(string measurement, string tagKey, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task ApplyRetentionAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>One complaints group with the given hourly sums.</summary>
    public static QueryResult Complaints(params (DateTimeOffset Time, double Sum)[] buckets) =>
        new([new QuerySeries(new Dictionary<string, string>(), [.. buckets.Select(b => new BucketValue(b.Time, b.Sum))])]);
}

/// <summary>The detection settings the wall tests use: the shipped complaint-surge, success-rate and latency rules.</summary>
internal static class WallTestOptions
{
    public static DetectionOptions Create() => new()
    {
        UiThrottle = TimeSpan.FromSeconds(1),
        Rules =
        [
            new DetectionRuleOptions { Name = "complaint-surge", Measurement = MetricNames.Complaints, Field = MetricNames.CountField, GroupBy = [MetricNames.RegionTag], Bucket = TimeSpan.FromMinutes(1) },
            new DetectionRuleOptions { Name = "success-rate-decline", Measurement = MetricNames.Business, Field = MetricNames.SuccessesField, Bucket = TimeSpan.FromMinutes(15), DivideBy = MetricNames.AttemptsField },
            new DetectionRuleOptions { Name = "network-latency", Measurement = MetricNames.Network, Field = MetricNames.LatencyField },
        ],
    };
}
