using System.Reactive.Subjects;
using Cockpit.Ingest.Log;
using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// Where adapters put points and where live consumers take them from. Writes go to the durable
/// <see cref="IIngestLog"/>: a batch is accepted only once it is on disk, or refused whole (full, too large, closing).
/// <see cref="Points"/> is the detection feed: every point, read back from the log by <see cref="DetectionFeed"/>, in
/// log order, on the feed's thread — never on a writer's, so a slow subscriber delays alerts, never ingest.
/// </summary>
public sealed class IngestBus : IDisposable
{
    // How often a writer that waits for room tries again; the log frees room as consumers commit.
    private static readonly TimeSpan RoomPoll = TimeSpan.FromMilliseconds(50);

    private readonly Subject<MetricPoint> _points = new();
    private readonly IIngestLog _log;
    private readonly TimeProvider _time;
    private long _accepted;
    private long _refused;

    public IngestBus(IIngestLog log, TimeProvider time)
    {
        _log = log;
        _time = time;
    }

    /// <summary>Points accepted (durable) since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Points refused because the log was full (or the batch could never fit).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>The log behind the bus.</summary>
    public IIngestLog Log => _log;

    /// <summary>
    /// Every point, read back from the log. Hot: subscribers see points from the moment they subscribe. Called on the
    /// detection feed's thread; subscribers must do per-point work only.
    /// </summary>
    public IObservable<MetricPoint> Points => _points;

    /// <summary>Appends the batch whole once it is durable, or refuses it whole (nothing of it is kept).</summary>
    public async ValueTask<LogAppendOutcome> TryPublishAsync(ReadOnlyMemory<MetricPoint> batch, CancellationToken cancellationToken)
    {
        var outcome = await _log.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref outcome == LogAppendOutcome.Appended ? ref _accepted : ref _refused, batch.Length);
        return outcome;
    }

    /// <summary>
    /// Appends the batch whole, waiting for room (adapters that can slow their source down use this). Returns
    /// <see cref="LogAppendOutcome.TooLarge"/> for a batch that can never fit. Throws
    /// <see cref="LogClosedException"/> once the log is closing.
    /// </summary>
    public async ValueTask<LogAppendOutcome> PublishAsync(ReadOnlyMemory<MetricPoint> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            var outcome = await _log.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case LogAppendOutcome.Appended:
                    Interlocked.Add(ref _accepted, batch.Length);
                    return outcome;
                case LogAppendOutcome.TooLarge:
                    Interlocked.Add(ref _refused, batch.Length);
                    return outcome;
                case LogAppendOutcome.Full:
                    await Task.Delay(RoomPoll, _time, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new LogClosedException();
            }
        }
    }

    /// <summary>
    /// Appends the batch waiting for room, in ordered halves when it is too big for one record: for sources whose
    /// batches have no meaning as a whole (the simulator's ticks, a replay's same-time points).
    /// </summary>
    public async ValueTask PublishInPiecesAsync(ReadOnlyMemory<MetricPoint> batch, CancellationToken cancellationToken)
    {
        if (await PublishAsync(batch, cancellationToken).ConfigureAwait(false) == LogAppendOutcome.TooLarge)
        {
            if (batch.Length == 1)
            {
                throw new InvalidOperationException("A single point is larger than a log segment.");
            }

            var half = batch.Length / 2;
            await PublishInPiecesAsync(batch[..half], cancellationToken).ConfigureAwait(false);
            await PublishInPiecesAsync(batch[half..], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Hands a point to the live subscribers (the detection feed, and tests).</summary>
    internal void Publish(in MetricPoint point) => _points.OnNext(point);

    /// <summary>Tells subscribers the stream has ended (after the last point was fed).</summary>
    internal void CompletePoints()
    {
        // A host torn down out of order (container disposed before hosted services stop) has nobody left to tell.
        if (!_points.IsDisposed)
        {
            _points.OnCompleted();
        }
    }

    public void Dispose() => _points.Dispose();
}
