using Cockpit.Alerting.Notifications;

namespace Cockpit.Alerting.Delivery;

/// <summary>One outbox row: a message and where its delivery stands. Times are clock (scheduler) times.</summary>
/// <param name="Notification">The message; its <see cref="Notification.Id"/> is the row id.</param>
/// <param name="NextAttemptAt">Not sent before this time.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="LastError">The last attempt's problem, plain text.</param>
/// <param name="DeliveredAt">When a receiver took it; such a row is never sent again.</param>
/// <param name="FailedAt">When it was given up.</param>
internal sealed record OutboxRow(
    Notification Notification,
    DateTimeOffset NextAttemptAt,
    int Attempts,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt)
{
    public long Id => Notification.Id;

    public string Receiver => Notification.Receiver;

    public DateTimeOffset CreatedAt => Notification.CreatedAt;
}
