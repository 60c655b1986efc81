using Cockpit.Ingest.Resilience;
using Microsoft.Extensions.Logging;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// Sends sealed batches to InfluxDB, one at a time and oldest first (smallest sequence, whether it waits in memory
/// or in the spool), so points arrive in the order they were appended, also after an outage or a restart.
/// <para>
/// Batches wait in a bounded memory queue; a batch that finds it full goes to the spool at once. When a write fails
/// in a retryable way the batch, and every batch queued behind it, moves to the spool, and while InfluxDB stays
/// unreachable each new batch follows it there, so memory stays bounded and nothing waits only in memory. The sender
/// then retries the oldest spooled batch with exponential backoff and jitter, and drains the spool in order once
/// InfluxDB answers. A spool file is deleted only after InfluxDB answered 2xx or a non-retryable 4xx.
/// </para>
/// <para>
/// Exactly once: a write whose answer was lost (a timeout, a connection reset, a crash before the file was deleted)
/// is sent again. That is safe because InfluxDB keeps one value per series, field and timestamp — the second write
/// overwrites the first with the same value — so a repeat leaves no duplicate. No batch is ever sent twice otherwise.
/// </para>
/// </summary>
internal sealed class InfluxDbBatchSender : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _roomFreed = new(0);
    private readonly Queue<LineProtocolBatch> _memory = new();
    private readonly List<FlushWaiter> _waiters = [];
    private readonly InfluxDbV1Api _api;
    private readonly InfluxDbSpool _spool;
    private readonly InfluxDbStoreOptions _options;
    private readonly InfluxDbStoreStatus _status;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _work = NewSignal();
    private LineProtocolBatch? _sendingFromMemory;
    private long _memoryLines;
    private bool _reachable = true;
    private bool _draining;
    private bool _queueFullLogged;
    private int _failures;
    private Task? _loop;

    public InfluxDbBatchSender(
        InfluxDbV1Api api,
        InfluxDbSpool spool,
        InfluxDbStoreOptions options,
        InfluxDbStoreStatus status,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _api = api;
        _spool = spool;
        _options = options;
        _status = status;
        _timeProvider = timeProvider;
        _logger = logger;
        _draining = spool.Count > 0;
    }

    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>
    /// Takes a sealed batch (in sequence order). When the memory queue is full it waits for room, up to
    /// <see cref="InfluxDbStoreOptions.FlushTimeout"/>: the ingest log upstream is durable, so making its store consumer
    /// wait is the right push-back, and spooling is for an InfluxDB that does not answer.
    /// </summary>
    public void Enqueue(LineProtocolBatch batch)
    {
        var waitingSince = _timeProvider.GetTimestamp();
        while (true)
        {
            lock (_lock)
            {
                if (_memory.Count < _options.MaxQueuedBatches)
                {
                    break;
                }
            }

            var left = _options.FlushTimeout - _timeProvider.GetElapsedTime(waitingSince);
            if (left <= TimeSpan.Zero || !_roomFreed.Wait(left))
            {
                break;
            }
        }

        lock (_lock)
        {
            if (_memory.Count < _options.MaxQueuedBatches)
            {
                _memory.Enqueue(batch);
                _memoryLines += batch.Lines;
                PublishQueueLocked();
            }
            else
            {
                if (!_queueFullLogged)
                {
                    _queueFullLogged = true;
                    InfluxDbStoreLog.QueueFull(_logger, _memory.Count);
                }

                // A newer sequence than every queued batch: the sender still picks the queued ones first.
                SpoolLocked(batch);
            }
        }

        Signal();
    }

    /// <summary>
    /// Waits until every batch up to <paramref name="sequence"/> is written to InfluxDB — or, while InfluxDB is
    /// unreachable, safely in the spool. Past <see cref="InfluxDbStoreOptions.FlushTimeout"/> (a long backlog, a
    /// server slow to answer) it moves what still waits in memory to the spool and settles for that.
    /// </summary>
    public async Task FlushAsync(long sequence, CancellationToken cancellationToken)
    {
        var written = Watch(sequence, requireWritten: true);
        if (!written.IsCompleted)
        {
            Signal();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var first = await Task.WhenAny(written, Task.Delay(_options.FlushTimeout, _timeProvider, timeout.Token)).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (first != written)
            {
                lock (_lock)
                {
                    SpillMemoryLocked(sequence);
                    NotifyWaitersLocked();
                }
            }
        }

        // Now only the batch on the wire can be outstanding; its answer (or RequestTimeout) decides within one request.
        await Watch(sequence, requireWritten: false).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops sending; what still waits in memory goes to the spool for the next start.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        lock (_lock)
        {
            SpillMemoryLocked(long.MaxValue);
            foreach (var waiter in _waiters)
            {
                waiter.Done.TrySetResult();
            }

            _waiters.Clear();
        }

        _stopping.Dispose();
        _roomFreed.Dispose();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        await PingAsync(token).ConfigureAwait(false);
        while (!token.IsCancellationRequested)
        {
            try
            {
                // Read the signal before looking for work: a batch that arrives in between completes this very task.
                var signal = Volatile.Read(ref _work).Task;
                _spool.DropExpired();
                var next = TakeNext();
                if (next is null)
                {
                    await signal.WaitAsync(token).ConfigureAwait(false);
                    continue;
                }

                var result = await SendAsync(next, token).ConfigureAwait(false);
                if (result.Retry)
                {
                    var delay = RetryBackoff.Delay(_failures - 1, _options.MinRetryDelay, _options.MaxRetryDelay, Random.Shared.NextDouble());
                    if (result.RetryAfter is { } asked && asked > delay)
                    {
                        delay = asked < _options.MaxRetryDelay ? asked : _options.MaxRetryDelay;
                    }

                    InfluxDbStoreLog.WriteFailed(_logger, next.Lines, result.Error ?? "unknown", delay);
                    await SpoolWhileWaitingAsync(delay, token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A bug or a disk failure must not end sending for good: what is queued stays, and the next round retries.
                var delay = _options.MaxRetryDelay;
                InfluxDbStoreLog.SenderFailed(_logger, ex, delay);
                _status.RecordError("Sender failed: " + ex.Message);
                await Task.Delay(delay, _timeProvider, token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task PingAsync(CancellationToken cancellationToken)
    {
        if (await _api.PingAsync(cancellationToken).ConfigureAwait(false) is { } version)
        {
            _status.RecordConnected(true);
            InfluxDbStoreLog.Pinged(_logger, _api.DisplayUrl, version);
        }
    }

    private Work? TakeNext()
    {
        lock (_lock)
        {
            _memory.TryPeek(out var queued);
            if (_spool.Oldest is { } spooled && (queued is null || spooled.Sequence < queued.Sequence))
            {
                _spool.BeginSending(spooled);
                return new Work(null, spooled, spooled.Lines);
            }

            if (queued is null)
            {
                return null;
            }

            _memory.Dequeue();
            ReleaseRoom();
            _memoryLines -= queued.Lines;
            _sendingFromMemory = queued;
            if (_memory.Count == 0)
            {
                _queueFullLogged = false;
            }

            PublishQueueLocked();
            return new Work(queued, null, queued.Lines);
        }
    }

    private async Task<InfluxDbWriteResult> SendAsync(Work work, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte> content;
        if (work.Batch is not null)
        {
            content = work.Batch.Content;
        }
        else if (_spool.Read(work.Segment!) is { } bytes)
        {
            content = bytes;
        }
        else
        {
            // The file vanished or cannot be read (logged by the spool): its points are lost.
            _status.RecordDropped(work.Lines);
            Finish(work, InfluxDbWriteResult.Rejected(work.Lines, work.Lines, 0, "spool file unreadable"), count: false);
            return default;
        }

        InfluxDbWriteResult result;
        try
        {
            result = await _api.WriteAsync(content, work.Lines, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-write: keep the batch (InfluxDB may have it already; sending it again is harmless).
            Finish(work, InfluxDbWriteResult.Failed(0, "stopped"), count: false);
            throw;
        }

        Finish(work, result, count: true);
        return result;
    }

    private void Finish(Work work, InfluxDbWriteResult result, bool count)
    {
        lock (_lock)
        {
            if (result.Retry)
            {
                if (count)
                {
                    _failures++;
                    _status.RecordRetry();
                    _status.RecordConnected(false);
                    _status.RecordError(result.Error ?? "write failed");
                    if (_reachable)
                    {
                        _reachable = false;
                        InfluxDbStoreLog.Unreachable(_logger, _api.DisplayUrl, result.Error ?? "write failed", _spool.Directory);
                    }
                }

                // The failed batch and everything behind it wait on disk, in order, until InfluxDB answers again.
                if (work.Batch is not null)
                {
                    _sendingFromMemory = null;
                    SpoolLocked(work.Batch);
                }
                else
                {
                    _spool.EndSending();
                }

                SpillMemoryLocked(long.MaxValue);
            }
            else
            {
                if (count)
                {
                    Account(work, result);
                }

                if (work.Batch is not null)
                {
                    _sendingFromMemory = null;
                    work.Batch.Dispose();
                }
                else
                {
                    _spool.Remove(work.Segment!);
                    _spool.EndSending();
                }

                if (_draining && _spool.Count == 0)
                {
                    _draining = false;
                    InfluxDbStoreLog.SpoolDrained(_logger);
                }
            }

            NotifyWaitersLocked();
        }
    }

    private void Account(Work work, InfluxDbWriteResult result)
    {
        if (result.LinesWritten > 0)
        {
            _status.RecordWritten(result.LinesWritten, fromSpool: work.Segment is not null);
        }

        if (result.LinesRejected > 0)
        {
            _status.RecordRejected(result.LinesRejected);
            _status.RecordError($"InfluxDB refused {result.LinesRejected} lines ({result.StatusCode}): {result.Error}");
            InfluxDbStoreLog.Rejected(_logger, result.LinesRejected, work.Lines, result.StatusCode, result.Error ?? "");
        }

        // InfluxDB answered, so it is there, whatever it thought of the data.
        _status.RecordConnected(true);
        if (!_reachable)
        {
            _reachable = true;
            InfluxDbStoreLog.Reachable(_logger, _api.DisplayUrl, _failures, _spool.Count);
        }

        _failures = 0;
    }

    // While InfluxDB is unreachable, a batch waits on disk, not in memory: a flush then returns at once, and a crash
    // during a long outage loses nothing that was appended before the last flush.
    private async Task SpoolWhileWaitingAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var waited = Task.Delay(delay, _timeProvider, cancellationToken);
        while (!waited.IsCompleted)
        {
            var signal = Volatile.Read(ref _work).Task;
            lock (_lock)
            {
                SpillMemoryLocked(long.MaxValue);
                NotifyWaitersLocked();
            }

            await Task.WhenAny(waited, signal).ConfigureAwait(false);
        }

        await waited.ConfigureAwait(false);
    }

    private void SpillMemoryLocked(long upToSequence)
    {
        while (_memory.TryPeek(out var batch) && batch.Sequence <= upToSequence)
        {
            _memory.Dequeue();
            ReleaseRoom();
            _memoryLines -= batch.Lines;
            SpoolLocked(batch);
        }

        PublishQueueLocked();
    }

    // Under the lock on purpose: the sender must not pick a newer batch while an older one is on its way to disk.
    private void SpoolLocked(LineProtocolBatch batch)
    {
        if (_spool.Add(batch))
        {
            _status.RecordSpooled(batch.Lines);
            _draining = true;
        }
        else
        {
            // The disk refused it (logged by the spool) and memory is no place to keep it: lost, and counted as such.
            _status.RecordDropped(batch.Lines);
            _status.RecordError($"Could not spool {batch.Lines} lines; they are lost");
        }

        batch.Dispose();
    }

    private Task Watch(long sequence, bool requireWritten)
    {
        lock (_lock)
        {
            var waiter = new FlushWaiter(sequence, requireWritten, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            if (IsSettledLocked(waiter))
            {
                return Task.CompletedTask;
            }

            _waiters.Add(waiter);
            return waiter.Done.Task;
        }
    }

    private void NotifyWaitersLocked()
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (IsSettledLocked(_waiters[i]))
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private bool IsSettledLocked(FlushWaiter waiter)
    {
        var oldestInMemory = _sendingFromMemory?.Sequence ?? (_memory.TryPeek(out var queued) ? queued.Sequence : long.MaxValue);
        if (oldestInMemory <= waiter.Sequence)
        {
            return false;
        }

        if (!waiter.RequireWritten || !_reachable)
        {
            return true;
        }

        return (_spool.Oldest?.Sequence ?? long.MaxValue) > waiter.Sequence;
    }

    // Wakes a waiting Enqueue; at most one release pending, so the semaphore never counts up while nobody waits.
    private void ReleaseRoom()
    {
        if (_roomFreed.CurrentCount == 0)
        {
            _roomFreed.Release();
        }
    }

    private void PublishQueueLocked() => _status.RecordQueue(_memory.Count, _memoryLines);

    private void Signal() => Interlocked.Exchange(ref _work, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A batch on its way: from memory or from the spool.</summary>
    private sealed record Work(LineProtocolBatch? Batch, InfluxDbSpool.Segment? Segment, int Lines);

    private sealed record FlushWaiter(long Sequence, bool RequireWritten, TaskCompletionSource Done);
}
