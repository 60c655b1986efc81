using System.Collections.Concurrent;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Cockpit.Alerting.Channels;
using Cockpit.Ingest.Resilience;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Delivery;

/// <summary>
/// Sends the outbox: per receiver, strictly in id order, one attempt at a time, within the receiver's rate limit;
/// each attempt's outcome is written back before the receiver's next row is looked at. Receivers are independent
/// lanes, so one that is down or slow holds back only its own messages. All timers run on the injected scheduler.
/// </summary>
/// <remarks>
/// Delivery is at least once: a crash after a receiver took a message but before the row was marked sends it again
/// on the next start (the notification id travels along as an idempotency key). Rows marked delivered never go again.
/// </remarks>
internal sealed class DeliveryWorker : IHostedService, IDisposable
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    private readonly NotificationOutbox _outbox;
    private readonly NotificationStatus _status;
    private readonly IScheduler _scheduler;
    private readonly ILogger<DeliveryWorker> _logger;
    private readonly AlertingOptions _options;
    private readonly NotificationChannels _channels;
    private readonly Dictionary<string, ReceiverOptions> _receivers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReceiverRateLimit> _limits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _heldByLimit = new(StringComparer.Ordinal);
    private readonly HashSet<string> _sending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();
    private readonly Lock _gate = new();
    private readonly CompositeDisposable _timers = [];
    private readonly SerialDisposable _wake = new();
    private readonly CancellationTokenSource _stopping = new();
    private DateTimeOffset? _wakeAt;
    private bool _running;
    private int _passRequested;
    private int _disposed;

    public DeliveryWorker(
        NotificationOutbox outbox,
        NotificationChannels channels,
        IOptions<AlertingOptions> options,
        NotificationStatus status,
        IScheduler scheduler,
        ILogger<DeliveryWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(options);
        _outbox = outbox;
        _status = status;
        _scheduler = scheduler;
        _logger = logger;
        _options = options.Value;
        _channels = channels;

        foreach (var receiver in _options.Receivers)
        {
            _receivers[receiver.Name] = receiver;
            _limits[receiver.Name] = ReceiverRateLimit.For(receiver);
        }
    }

    /// <summary>The jitter sample for <see cref="RetryBackoff.Delay"/>; tests fix it to check exact retry times.</summary>
    internal Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_running)
            {
                return Task.CompletedTask;
            }

            _running = true;
        }

        _timers.Add(_outbox.Queued.Subscribe(_ => RequestPass()));
        _timers.Add(_scheduler.SchedulePeriodic(_options.Delivery.PollInterval, RequestPass));
        _timers.Add(_scheduler.SchedulePeriodic(RetentionInterval, ApplyRetention));
        try
        {
            DeliveryLog.Started(_logger, _outbox.PendingCount(), _receivers.Count);
        }
        catch (SqliteException e)
        {
            DeliveryLog.OutboxFailed(_logger, e);
        }

        ApplyRetention();
        RequestPass();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Halt();
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            // The attempts under way end with the cancellation; their rows stay pending for the next start.
            await Task.WhenAll(_inFlight.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host stops waiting; nothing is lost, the rows were not marked.
        }
    }

    public void Dispose()
    {
        // The container disposes it twice: as itself and as the hosted service its factory handed out.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Halt();
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>Asks for a pass over the outbox soon; requests coalesce while one is pending.</summary>
    internal void RequestPass()
    {
        if (Interlocked.Exchange(ref _passRequested, 1) == 0)
        {
            _scheduler.Schedule(Pass);
        }
    }

    private void Halt()
    {
        lock (_gate)
        {
            _running = false;
            _wake.Dispose();
        }

        _timers.Dispose();
    }

    private void Pass()
    {
        Interlocked.Exchange(ref _passRequested, 0);
        var sends = new List<(OutboxRow Row, ReceiverOptions Receiver, INotificationChannel Channel)>();
        lock (_gate)
        {
            if (!_running)
            {
                return;
            }

            try
            {
                SelectSends(_scheduler.Now, sends);
            }
            catch (Exception e)
            {
                // The poll tries again; an exception escaping a scheduler thread would end the process.
                DeliveryLog.OutboxFailed(_logger, e);
            }
        }

        foreach (var (row, receiver, channel) in sends)
        {
            var task = SendAsync(row, receiver, channel);
            _inFlight[row.Id] = task;
            task.ContinueWith(_ => _inFlight.TryRemove(row.Id, out var _), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private void SelectSends(DateTimeOffset now, List<(OutboxRow, ReceiverOptions, INotificationChannel)> sends)
    {
        var heads = _outbox.Heads();
        _status.RecordPending(_outbox.PendingCount());
        DateTimeOffset? wake = null;
        var again = false;
        foreach (var row in heads)
        {
            if (_sending.Contains(row.Receiver))
            {
                continue;
            }

            if (!_receivers.TryGetValue(row.Receiver, out var receiver))
            {
                again |= GiveUp(row, now, row.Attempts, $"No receiver named '{row.Receiver}' is configured any more.");
                continue;
            }

            if (!_channels.Kinds.Contains(receiver.Kind))
            {
                again |= GiveUp(row, now, row.Attempts, $"No channel sends to {receiver.Kind} receivers.");
                continue;
            }

            if (now - row.CreatedAt >= _options.Delivery.GiveUpAfter)
            {
                again |= GiveUp(row, now, row.Attempts, $"Not delivered within {_options.Delivery.GiveUpAfter}; last error: {row.LastError ?? "none"}");
                continue;
            }

            if (row.NextAttemptAt > now)
            {
                wake = Earliest(wake, row.NextAttemptAt);
                continue;
            }

            var limit = _limits[row.Receiver];
            if (!limit.TryTake(now, out var availableAt))
            {
                if (!_heldByLimit.TryGetValue(row.Receiver, out var held) || held != row.Id)
                {
                    _heldByLimit[row.Receiver] = row.Id;
                    _status.RecordRateLimitedWait();
                    DeliveryLog.RateLimited(_logger, row.Receiver, limit.PerMinute, row.Id, availableAt);
                }

                wake = Earliest(wake, availableAt);
                continue;
            }

            _sending.Add(row.Receiver);
            sends.Add((row, receiver, _channels.For(receiver.Kind)));
        }

        if (again)
        {
            RequestPass();
        }

        if (wake is { } at)
        {
            WakeAt(now, at);
        }
    }

    private async Task SendAsync(OutboxRow row, ReceiverOptions receiver, INotificationChannel channel)
    {
        DeliveryOutcome outcome;
        try
        {
            outcome = await channel.SendAsync(receiver, row.Notification, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            lock (_gate)
            {
                _sending.Remove(row.Receiver);
            }

            return;
        }
        catch (Exception e)
        {
            // Channels return their failures; one that throws is treated as a failure worth retrying.
            outcome = DeliveryOutcome.Retry($"{e.GetType().Name}: {e.Message}");
        }

        lock (_gate)
        {
            _sending.Remove(row.Receiver);
            try
            {
                RecordOutcome(row, outcome, _scheduler.Now);
            }
            catch (Exception e)
            {
                DeliveryLog.OutboxFailed(_logger, e);
            }
        }

        RequestPass();
    }

    private void RecordOutcome(OutboxRow row, DeliveryOutcome outcome, DateTimeOffset now)
    {
        var attempts = row.Attempts + 1;
        if (outcome.Delivered)
        {
            _outbox.MarkDelivered(row.Id, attempts, now);
            _status.RecordDelivered();
            DeliveryLog.Delivered(_logger, row.Id, row.Receiver, attempts);
            return;
        }

        var error = string.IsNullOrEmpty(outcome.Error) ? "no reason given" : outcome.Error;
        if (!outcome.Retryable || now - row.CreatedAt >= _options.Delivery.GiveUpAfter)
        {
            GiveUp(row, now, attempts, error);
            return;
        }

        var delay = RetryBackoff.Delay(attempts - 1, _options.Delivery.MinBackoff, _options.Delivery.MaxBackoff, Jitter());
        if (outcome.RetryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        var next = now + delay;
        _outbox.MarkRetry(row.Id, attempts, next, error);
        _status.RecordRetry();
        _status.RecordError(row.Receiver, error, now);
        DeliveryLog.WillRetry(_logger, row.Id, row.Receiver, attempts, error, next);
    }

    /// <returns>True: the receiver's next row may be sendable right away.</returns>
    private bool GiveUp(OutboxRow row, DateTimeOffset now, int attempts, string error)
    {
        _outbox.MarkFailed(row.Id, attempts, now, error);
        _status.RecordFailed();
        _status.RecordError(row.Receiver, error, now);
        DeliveryLog.GaveUp(_logger, row.Id, row.Receiver, attempts, error);
        return true;
    }

    private void WakeAt(DateTimeOffset now, DateTimeOffset at)
    {
        if (_wakeAt is { } pending && pending > now && pending <= at)
        {
            return;
        }

        _wakeAt = at;
        _wake.Disposable = _scheduler.Schedule(at, () =>
        {
            lock (_gate)
            {
                _wakeAt = null;
            }

            Pass();
        });
    }

    private void ApplyRetention()
    {
        var cutoff = _scheduler.Now - _options.Retention;
        try
        {
            var rows = _outbox.DeleteFinishedBefore(cutoff);
            if (rows > 0)
            {
                DeliveryLog.RetentionApplied(_logger, rows, cutoff);
            }
        }
        catch (SqliteException e)
        {
            DeliveryLog.OutboxFailed(_logger, e);
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
