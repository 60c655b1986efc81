using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.Mqtt;

/// <summary>What the MQTT adapter has done so far; read by health checks. Registered whether or not MQTT is enabled.</summary>
public sealed class MqttStatus
{
    private long _messagesReceived;
    private long _linesAccepted;
    private long _pointsAccepted;
    private long _linesRejected;
    private long _badMessages;
    private long _reconnects;
    private long _lastMessageTicks;
    private int _connected;
    private volatile MqttError? _lastError;

    /// <summary>Whether the adapter is connected to the broker and subscribed.</summary>
    public bool Connected => Volatile.Read(ref _connected) == 1;

    /// <summary>Messages received since start, good and bad.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

    /// <summary>Lines (or JSON objects) whose points were queued.</summary>
    public long LinesAccepted => Interlocked.Read(ref _linesAccepted);

    /// <summary>Field points queued.</summary>
    public long PointsAccepted => Interlocked.Read(ref _pointsAccepted);

    /// <summary>Lines that were malformed or refused.</summary>
    public long LinesRejected => Interlocked.Read(ref _linesRejected);

    /// <summary>Messages with at least one rejected line, or that could not be written at all.</summary>
    public long BadMessages => Interlocked.Read(ref _badMessages);

    /// <summary>Connections re-established after the first one (a broker restart or a network blip counts one).</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>When the last message arrived; null before the first.</summary>
    public DateTimeOffset? LastMessageAt => Interlocked.Read(ref _lastMessageTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>The last problem (a bad message or a failed connection), or null when there was none.</summary>
    public string? LastError => _lastError?.Text;

    /// <summary>When <see cref="LastError"/> happened.</summary>
    public DateTimeOffset? LastErrorAt => _lastError?.At;

    internal void RecordConnected(bool reconnect)
    {
        if (reconnect)
        {
            Interlocked.Increment(ref _reconnects);
        }

        Volatile.Write(ref _connected, 1);
    }

    internal void RecordDisconnected() => Volatile.Write(ref _connected, 0);

    internal void RecordReceived(DateTimeOffset at)
    {
        Interlocked.Increment(ref _messagesReceived);
        Interlocked.Exchange(ref _lastMessageTicks, at.UtcTicks);
    }

    internal void RecordWritten(WriteResult result)
    {
        Interlocked.Add(ref _linesAccepted, result.LinesAccepted);
        Interlocked.Add(ref _pointsAccepted, result.PointsAccepted);
        Interlocked.Add(ref _linesRejected, result.LinesRejected);
    }

    internal void RecordBadMessage(string error, DateTimeOffset at)
    {
        Interlocked.Increment(ref _badMessages);
        RecordError(error, at);
    }

    internal void RecordError(string error, DateTimeOffset at) => _lastError = new MqttError(error, at);

    // Text and time swapped as one reference, so a reader never pairs one error's text with another's time.
    private sealed record MqttError(string Text, DateTimeOffset At);
}
