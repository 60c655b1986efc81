using Cockpit.Alerting.Notifications;

namespace Cockpit.Alerting.Channels;

/// <summary>
/// Renders and sends a notification to one kind of receiver. One attempt per call: retries, backoff and rate limits
/// are the delivery worker's job. Must not throw for delivery failures; it returns them.
/// </summary>
public interface INotificationChannel
{
    ReceiverKind Kind { get; }

    Task<DeliveryOutcome> SendAsync(ReceiverOptions receiver, Notification notification, CancellationToken cancellationToken);
}
