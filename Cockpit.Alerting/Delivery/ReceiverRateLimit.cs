using Cockpit.Alerting.Channels;

namespace Cockpit.Alerting.Delivery;

/// <summary>
/// A receiver's messages per minute as a token bucket whose tokens each come back one minute after they were spent,
/// so no 60-second window ever holds more than the limit (the group robots count a rolling minute and answer an
/// error past it). A full bucket lets a burst of the whole limit out at once. Not thread-safe: the worker holds it
/// under its lock.
/// </summary>
internal sealed class ReceiverRateLimit
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _spent = new();

    public ReceiverRateLimit(int perMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perMinute);
        PerMinute = perMinute;
    }

    /// <summary>Messages per minute; 0 for no limit.</summary>
    public int PerMinute { get; }

    /// <summary>The configured rate, or the kind's default when it is 0: WeCom and DingTalk 20, Feishu 100, others unlimited.</summary>
    public static ReceiverRateLimit For(ReceiverOptions receiver)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var rate = receiver.RatePerMinute > 0 ? receiver.RatePerMinute : receiver.Kind switch
        {
            ReceiverKind.WeCom or ReceiverKind.DingTalk => 20,
            ReceiverKind.Feishu => 100,
            _ => 0,
        };
        return new ReceiverRateLimit(rate);
    }

    /// <summary>Takes a token for a send at <paramref name="now"/>; false with the time the next token comes back.</summary>
    public bool TryTake(DateTimeOffset now, out DateTimeOffset availableAt)
    {
        availableAt = now;
        if (PerMinute == 0)
        {
            return true;
        }

        while (_spent.Count > 0 && _spent.Peek() + Window <= now)
        {
            _spent.Dequeue();
        }

        if (_spent.Count >= PerMinute)
        {
            availableAt = _spent.Peek() + Window;
            return false;
        }

        _spent.Enqueue(now);
        return true;
    }
}
