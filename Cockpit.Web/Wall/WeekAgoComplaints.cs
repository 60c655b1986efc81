using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;

namespace Cockpit.Web.Wall;

/// <summary>
/// Complaints in the same hour last week, for the wall's complaints tile. The live rollups keep three hours, so this
/// one number comes from the store: one query, shared by every wall, cached and refreshed in the background every few
/// minutes of clock time (sooner when data time has moved on, as it does when a simulation runs fast). Readers never
/// wait for the store: they get the last value, or null before the first query has answered.
/// </summary>
public sealed partial class WeekAgoComplaints(IMetricStore store, TimeProvider time, ILogger<WeekAgoComplaints> logger)
{
    /// <summary>Longest clock time a value is used before it is asked again.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(3);

    /// <summary>Data time may move this far from the cached hour before it is asked again (not more often than <see cref="MinInterval"/>).</summary>
    public static readonly TimeSpan MaxDrift = TimeSpan.FromMinutes(5);

    /// <summary>Shortest clock time between two queries.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly Lock _lock = new();
    private WeekAgoValue? _value;
    private DateTimeOffset _askedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _askedFor = DateTimeOffset.MinValue;
    private Task _refresh = Task.CompletedTask;
    private int _queries;

    /// <summary>Queries sent so far.</summary>
    public int Queries => Volatile.Read(ref _queries);

    /// <summary>The cached value (null before the first answer); starts a refresh for <paramref name="windowEnd"/> when one is due.</summary>
    public WeekAgoValue? Get(DateTimeOffset windowEnd)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var since = now - _askedAt;
            var due = _refresh.IsCompleted
                && (since >= RefreshInterval || ((windowEnd - _askedFor).Duration() >= MaxDrift && since >= MinInterval));
            if (due)
            {
                _askedAt = now;
                _askedFor = windowEnd;
                _refresh = RefreshAsync(windowEnd);
            }

            return _value;
        }
    }

    /// <summary>The refresh in flight, if any (for tests).</summary>
    internal Task Pending
    {
        get
        {
            lock (_lock)
            {
                return _refresh;
            }
        }
    }

    private async Task RefreshAsync(DateTimeOffset windowEnd)
    {
        // Off the caller's thread: the caller is a render or a scheduler callback.
        await Task.Yield();
        try
        {
            Interlocked.Increment(ref _queries);
            var query = new MetricQuery
            {
                Measurement = MetricNames.Complaints,
                Field = MetricNames.CountField,
                From = windowEnd - Week - TimeSpan.FromHours(1),
                To = windowEnd - Week,
                Bucket = TimeSpan.FromHours(1),
                Aggregate = Aggregate.Sum,
            };
            var result = await store.QueryAsync(query, CancellationToken.None);
            var points = result.Series.SelectMany(s => s.Points).ToList();
            var value = new WeekAgoValue(windowEnd, points.Count == 0 ? null : points.Sum(p => p.Value));
            lock (_lock)
            {
                _value = value;
            }
        }
        catch (Exception ex)
        {
            LogQueryFailed(ex, windowEnd);
        }
    }

    [LoggerMessage(EventId = 3540, Level = LogLevel.Warning, Message = "The wall could not read last week's complaints for the hour ending {WindowEnd:O}; it keeps the previous value")]
    private partial void LogQueryFailed(Exception exception, DateTimeOffset windowEnd);
}
