using System.Reactive.Subjects;
using System.Threading.Channels;
using Cockpit.Ingest.Model;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// The bounded queue between ingest adapters and everything downstream (store, detection).
/// Capacity is counted in points and reserved for a whole batch at once, so a write is either
/// accepted entirely or refused entirely (the HTTP adapters answer 429 then), and memory stays bounded.
/// Accepted batches are never dropped: the <see cref="IngestDispatcher"/> hands each one to the store
/// and then to <see cref="Points"/>.
/// </summary>
public sealed class IngestBus : IDisposable
{
    private readonly Channel<PointBatch> _queue =
        Channel.CreateUnbounded<PointBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Subject<MetricPoint> _points = new();
    private readonly SemaphoreSlim _spaceFreed = new(0);
    private long _queued;
    private long _accepted;
    private long _refused;
    private int _waiters;

    public IngestBus(IOptions<IngestBusOptions> options)
    {
        Capacity = options.Value.Capacity;
    }

    /// <summary>Most points that may be queued.</summary>
    public int Capacity { get; }

    /// <summary>Points queued and not yet dispatched.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Points accepted since start.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Points refused because the queue was full.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>
    /// Every dispatched point, after the store has taken it. Hot: subscribers see points from the moment
    /// they subscribe. Called on the dispatcher's thread; a slow subscriber slows ingest (backpressure),
    /// so subscribers must do per-point work only.
    /// </summary>
    public IObservable<MetricPoint> Points => _points;

    internal ChannelReader<PointBatch> Reader => _queue.Reader;

    /// <summary>Queues the batch if there is room for all of it; otherwise refuses it whole.</summary>
    public bool TryPublish(MetricPoint[] batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Length == 0)
        {
            return true;
        }

        if (!TryReserve(batch.Length))
        {
            Interlocked.Add(ref _refused, batch.Length);
            return false;
        }

        Enqueue(new PointBatch(batch, batch.Length, Pooled: false));
        return true;
    }

    /// <summary>
    /// Queues the buffer's points if there is room for all of them, taking its pooled array over (the buffer is
    /// left empty); otherwise leaves the buffer as it was and returns false.
    /// </summary>
    internal bool TryPublish(PointBuffer buffer)
    {
        var count = buffer.Count;
        if (count == 0)
        {
            return true;
        }

        if (!TryReserve(count))
        {
            Interlocked.Add(ref _refused, count);
            return false;
        }

        var (array, detached) = buffer.Detach();
        Enqueue(new PointBatch(array, detached, Pooled: true));
        return true;
    }

    /// <summary>Queues the buffer's points, waiting for room; takes its pooled array over.</summary>
    internal async ValueTask PublishAsync(PointBuffer buffer, CancellationToken cancellationToken)
    {
        var count = buffer.Count;
        if (count == 0)
        {
            return;
        }

        await ReserveAsync(count, cancellationToken).ConfigureAwait(false);
        var (array, detached) = buffer.Detach();
        Enqueue(new PointBatch(array, detached, Pooled: true));
    }

    /// <summary>
    /// Queues the batch, waiting for room (adapters that can slow their source down use this). A batch larger than
    /// the whole queue goes in queue-sized slices, in order, each waiting for room.
    /// </summary>
    public async ValueTask PublishAsync(MetricPoint[] batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Length <= Capacity)
        {
            await ReserveAsync(batch.Length, cancellationToken).ConfigureAwait(false);
            Enqueue(new PointBatch(batch, batch.Length, Pooled: false));
            return;
        }

        for (var offset = 0; offset < batch.Length; offset += Capacity)
        {
            var slice = batch.AsSpan(offset, Math.Min(Capacity, batch.Length - offset)).ToArray();
            await ReserveAsync(slice.Length, cancellationToken).ConfigureAwait(false);
            Enqueue(new PointBatch(slice, slice.Length, Pooled: false));
        }
    }

    private async ValueTask ReserveAsync(int count, CancellationToken cancellationToken)
    {
        if (count > Capacity)
        {
            throw new ArgumentException($"A batch of {count} points exceeds the bus capacity of {Capacity}.", nameof(count));
        }

        while (!TryReserve(count))
        {
            Interlocked.Increment(ref _waiters);
            try
            {
                // Re-check after registering as a waiter so a release between the two checks is not missed.
                if (TryReserve(count))
                {
                    break;
                }

                await _spaceFreed.WaitAsync(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiters);
            }
        }
    }

    /// <summary>Called by the dispatcher once a batch has been stored and published.</summary>
    internal void Release(int count)
    {
        Interlocked.Add(ref _queued, -count);
        if (Volatile.Read(ref _waiters) > 0)
        {
            _spaceFreed.Release();
        }
    }

    internal void Publish(in MetricPoint point) => _points.OnNext(point);

    /// <summary>Refuses further batches; the dispatcher drains what was accepted and then stops.</summary>
    internal void CompleteWriting() => _queue.Writer.TryComplete();

    /// <summary>Tells subscribers the stream has ended (after the last accepted point was dispatched).</summary>
    internal void CompletePoints()
    {
        // A host torn down out of order (container disposed before hosted services stop) has nobody left to tell.
        if (!_points.IsDisposed)
        {
            _points.OnCompleted();
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _points.Dispose();
        _spaceFreed.Dispose();
    }

    private bool TryReserve(int count)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _queued);
            if (current + count > Capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _queued, current + count, current) == current)
            {
                return true;
            }
        }
    }

    private void Enqueue(PointBatch batch)
    {
        if (!_queue.Writer.TryWrite(batch))
        {
            Interlocked.Add(ref _queued, -batch.Count);
            if (batch.Pooled)
            {
                PointBuffer.Return(batch.Array, batch.Count);
            }

            throw new InvalidOperationException("The ingest bus is shutting down and accepts no more points.");
        }

        Interlocked.Add(ref _accepted, batch.Count);
    }
}
