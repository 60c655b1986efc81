using System.Collections.Concurrent;

namespace Cockpit.Alerting.Delivery;

/// <summary>
/// What the dispatcher and the delivery worker have done since start; read by <c>/healthz</c>. Counts are of messages
/// (outbox rows), except <see cref="UnroutedAlerts"/>.
/// </summary>
public sealed class NotificationStatus
{
    private readonly ConcurrentDictionary<string, ReceiverError> _lastErrors = new(StringComparer.Ordinal);
    private long _queued;
    private long _delivered;
    private long _retries;
    private long _failed;
    private long _rateLimitedWaits;
    private long _unroutedAlerts;
    private long _pending;

    /// <summary>Messages put into the outbox.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Messages a receiver took.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Attempts that failed in a way worth retrying; the message was scheduled again.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Messages given up: refused for good, no such receiver or channel, or older than <see cref="DeliveryOptions.GiveUpAfter"/>.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Times a message had to wait because its receiver had used up its messages per minute.</summary>
    public long RateLimitedWaits => Interlocked.Read(ref _rateLimitedWaits);

    /// <summary>
    /// Alerts that started firing while routes are configured but matched none of them: they are not sent anywhere
    /// (add a catch-all route without matchers to send them somewhere). Counted once per firing episode (and again for
    /// alerts still firing when Cockpit starts).
    /// </summary>
    public long UnroutedAlerts => Interlocked.Read(ref _unroutedAlerts);

    /// <summary>Messages waiting in the outbox when the worker last looked.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>The last delivery problem of each receiver that had one (it stays after later successes, with its time).</summary>
    public IReadOnlyDictionary<string, ReceiverError> LastErrors => new Dictionary<string, ReceiverError>(_lastErrors, StringComparer.Ordinal);

    internal void RecordQueued() => Interlocked.Increment(ref _queued);

    internal void RecordDelivered() => Interlocked.Increment(ref _delivered);

    internal void RecordRetry() => Interlocked.Increment(ref _retries);

    internal void RecordFailed() => Interlocked.Increment(ref _failed);

    internal void RecordRateLimitedWait() => Interlocked.Increment(ref _rateLimitedWaits);

    internal void RecordUnrouted() => Interlocked.Increment(ref _unroutedAlerts);

    internal void RecordPending(long pending) => Interlocked.Exchange(ref _pending, pending);

    internal void RecordError(string receiver, string error, DateTimeOffset at) => _lastErrors[receiver] = new ReceiverError(error, at);
}
