namespace Cockpit.Alerting.Channels;

/// <summary>The channel for each <see cref="ReceiverKind"/>, as the delivery worker looks them up.</summary>
public sealed class NotificationChannels
{
    private readonly Dictionary<ReceiverKind, INotificationChannel> _byKind;

    public NotificationChannels(IEnumerable<INotificationChannel> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        _byKind = [];
        foreach (var channel in channels)
        {
            if (!_byKind.TryAdd(channel.Kind, channel))
            {
                throw new InvalidOperationException($"Two notification channels are registered for {channel.Kind}.");
            }
        }
    }

    /// <summary>The kinds that have a channel.</summary>
    public IReadOnlyCollection<ReceiverKind> Kinds => _byKind.Keys;

    /// <summary>The channel that sends to receivers of <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidOperationException">No channel is registered for the kind.</exception>
    public INotificationChannel For(ReceiverKind kind) =>
        _byKind.TryGetValue(kind, out var channel) ? channel : throw new InvalidOperationException($"No notification channel is registered for {kind}.");
}
