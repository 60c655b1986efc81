using System.Globalization;
using System.Text.Json;
using Cockpit.Alerting.Channels.Http;
using Cockpit.Alerting.Notifications;

namespace Cockpit.Alerting.Channels.Webhook;

/// <summary>
/// Alertmanager's webhook JSON, version 4, with exactly the fields Alertmanager sends and in its order, so receivers
/// written for Alertmanager take Cockpit's messages unchanged. Times are RFC 3339 in UTC as Go writes them
/// (fractional seconds only when there are any); a firing alert ends at Go's zero time.
/// </summary>
internal static class WebhookPayload
{
    /// <summary>What Alertmanager writes as the end of an alert that has not ended.</summary>
    public const string ZeroTime = "0001-01-01T00:00:00Z";

    public static byte[] Render(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("receiver", notification.Receiver);
            w.WriteString("status", notification.Status);
            w.WriteStartArray("alerts");
            foreach (var alert in notification.Alerts)
            {
                WriteAlert(w, alert);
            }

            w.WriteEndArray();
            JsonBody.WriteSorted(w, "groupLabels", notification.GroupLabels);
            JsonBody.WriteSorted(w, "commonLabels", notification.CommonLabels);
            JsonBody.WriteSorted(w, "commonAnnotations", notification.CommonAnnotations);
            w.WriteString("externalURL", notification.ExternalUrl);
            w.WriteString("version", "4");
            w.WriteString("groupKey", notification.GroupKey);
            w.WriteNumber("truncatedAlerts", 0);
            w.WriteEndObject();
        });
    }

    /// <summary>RFC 3339 in UTC with 'Z', fractional seconds trimmed as Go's RFC3339Nano does.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void WriteAlert(Utf8JsonWriter w, NotifiedAlert alert)
    {
        w.WriteStartObject();
        w.WriteString("status", alert.Status);
        JsonBody.WriteSorted(w, "labels", alert.Labels);
        JsonBody.WriteSorted(w, "annotations", alert.Annotations);
        w.WriteString("startsAt", Time(alert.StartsAt));
        w.WriteString("endsAt", alert.EndsAt is { } ends ? Time(ends) : ZeroTime);
        w.WriteString("generatorURL", alert.GeneratorUrl);
        w.WriteString("fingerprint", alert.Fingerprint);
        w.WriteEndObject();
    }
}
