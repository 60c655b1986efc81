using System.Globalization;
using System.Text.Json;
using Cockpit.Alerting.Channels.Http;
using Cockpit.Alerting.Channels.Text;
using Cockpit.Alerting.Notifications;
using Cockpit.Detection.Alerts;
using Microsoft.Extensions.Logging;

namespace Cockpit.Alerting.Channels.Feishu;

/// <summary>
/// A Feishu/Lark (飞书) custom bot: an interactive card with the title in a header coloured by severity (green once
/// resolved), a lark_md block per alert and a "View in Cockpit" button to the group. Signed when
/// <see cref="ReceiverOptions.Secret"/> is set (see <see cref="FeishuSignature"/>). Feishu takes 30 KB; Cockpit keeps
/// the body within 20 000 bytes by whole alerts. Feishu answers <c>{"code":0,…}</c> (older bots <c>{"StatusCode":0,…}</c>);
/// 11232 and 9499 (frequency limited) are worth another attempt, other codes are not.
/// </summary>
internal sealed class FeishuChannel : INotificationChannel
{
    /// <summary>The most bytes of JSON body Cockpit sends to Feishu.</summary>
    public const int MaxBodyBytes = 20_000;

    private static readonly IReadOnlySet<long> RetryCodes = new HashSet<long> { 11232, 9499 };
    private readonly ChannelHttp _http;
    private readonly ILogger<FeishuChannel> _logger;

    public FeishuChannel(ChannelHttp http, ILogger<FeishuChannel> logger)
    {
        _http = http;
        _logger = logger;
    }

    public ReceiverKind Kind => ReceiverKind.Feishu;

    /// <summary>The JSON body for a notification, signed when <paramref name="secret"/> is set, and how many alerts it holds.</summary>
    public static (byte[] Body, int Included) Render(Notification notification, string? secret, DateTimeOffset now)
    {
        var text = NotificationText.From(notification);
        string? timestamp = null, sign = null;
        if (!string.IsNullOrEmpty(secret))
        {
            var seconds = now.ToUnixTimeSeconds();
            timestamp = seconds.ToString(CultureInfo.InvariantCulture);
            sign = FeishuSignature.Sign(secret, seconds);
        }

        return MessageFitter.Fit(text.Alerts.Count, MaxBodyBytes, n =>
        {
            var body = JsonBody.Write(w => WriteCard(w, text, n, timestamp, sign));
            return (body, body.Length);
        });
    }

    public async Task<DeliveryOutcome> SendAsync(ReceiverOptions receiver, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(notification);
        if (ChannelHttp.ParseUrl(receiver.Url) is not { } url)
        {
            return DeliveryOutcome.Fail($"Receiver '{receiver.Name}' has no absolute http(s) Url (the bot's webhook address).");
        }

        var (body, included) = Render(notification, receiver.Secret, _http.Time.GetUtcNow());
        if (included < notification.Alerts.Count)
        {
            ChannelLog.Shortened(_logger, notification.Id, receiver.Name, included, notification.Alerts.Count, Kind, MaxBodyBytes);
        }

        var answer = await _http.PostJsonAsync(url, body, notification.Id, receiver.Timeout, cancellationToken).ConfigureAwait(false);
        return RobotAnswer.Classify(answer, "Feishu", ["code", "StatusCode"], ["msg", "StatusMessage"], RetryCodes);
    }

    private static void WriteCard(Utf8JsonWriter w, NotificationText text, int count, string? timestamp, string? sign)
    {
        var markdown = RobotMarkdown.Feishu;
        w.WriteStartObject();
        if (timestamp is not null)
        {
            w.WriteString("timestamp", timestamp);
            w.WriteString("sign", sign);
        }

        w.WriteString("msg_type", "interactive");
        w.WriteStartObject("card");
        w.WriteStartObject("config");
        w.WriteBoolean("wide_screen_mode", true);
        w.WriteEndObject();
        w.WriteStartObject("header");
        w.WriteStartObject("title");
        w.WriteString("tag", "plain_text");
        w.WriteString("content", text.Title);
        w.WriteEndObject();
        w.WriteString("template", Template(text));
        w.WriteEndObject();
        w.WriteStartArray("elements");
        if (text.Audience is not null)
        {
            Div(w, markdown.Escape(text.Audience));
        }

        foreach (var alert in text.Alerts.Take(count))
        {
            Div(w, markdown.Alert(alert));
        }

        var left = text.Alerts.Count - count;
        if (left > 0 || text.GroupLink is null)
        {
            Div(w, markdown.Footer(text, left));
        }

        if (text.GroupLink is not null)
        {
            w.WriteStartObject();
            w.WriteString("tag", "action");
            w.WriteStartArray("actions");
            w.WriteStartObject();
            w.WriteString("tag", "button");
            w.WriteStartObject("text");
            w.WriteString("tag", "plain_text");
            w.WriteString("content", text.Words.ViewInCockpit);
            w.WriteEndObject();
            w.WriteString("type", "primary");
            w.WriteString("url", text.GroupLink);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Div(Utf8JsonWriter w, string content)
    {
        w.WriteStartObject();
        w.WriteString("tag", "div");
        w.WriteStartObject("text");
        w.WriteString("tag", "lark_md");
        w.WriteString("content", content);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Template(NotificationText text) => !text.Firing ? "green" : text.Severity switch
    {
        AlertSeverity.Critical => "red",
        AlertSeverity.Warning => "orange",
        _ => "blue",
    };
}
