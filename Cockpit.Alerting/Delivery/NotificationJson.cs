using System.Text.Json;
using System.Text.Json.Serialization;
using Cockpit.Alerting.Notifications;

namespace Cockpit.Alerting.Delivery;

/// <summary>
/// How a <see cref="Notification"/> is kept in the outbox's payload column: Cockpit's own JSON (not a channel's wire
/// format), severities as names so a stored row stays readable and survives reordering the enum.
/// </summary>
internal static class NotificationJson
{
    public static string Serialize(Notification notification) =>
        JsonSerializer.Serialize(notification, NotificationJsonContext.Default.Notification);

    public static Notification Deserialize(string json) =>
        JsonSerializer.Deserialize(json, NotificationJsonContext.Default.Notification)
        ?? throw new JsonException("The outbox payload is JSON null.");
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(Notification))]
internal sealed partial class NotificationJsonContext : JsonSerializerContext;
