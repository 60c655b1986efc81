using Cockpit.Alerting.Delivery;
using Cockpit.Alerting.Notifications;
using Cockpit.Alerting.Storage;

namespace Cockpit.Tests.Alerting.Delivery;

/// <summary>Puts messages straight into the outbox, as the dispatcher's transaction does, for delivery tests.</summary>
internal static class OutboxWriter
{
    public static long Enqueue(AlertingDatabase database, NotificationOutbox outbox, string receiver, DateTimeOffset at, string groupKey = "g")
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var id = NotificationOutbox.Add(transaction, Message(receiver, at, groupKey));
        transaction.Commit();
        outbox.Wake(id);
        return id;
    }

    public static Notification Message(string receiver, DateTimeOffset at, string groupKey = "g") => new()
    {
        Receiver = receiver,
        GroupKey = groupKey,
        Status = "firing",
        GroupLabels = new Dictionary<string, string>(),
        CommonLabels = new Dictionary<string, string>(),
        CommonAnnotations = new Dictionary<string, string>(),
        ExternalUrl = "http://127.0.0.1:5000",
        GroupUrl = "http://127.0.0.1:5000/alerts",
        Alerts = [],
        CreatedAt = at,
    };
}
