using Cockpit.Alerting.Channels.Http;
using Cockpit.Alerting.Channels.Text;
using Cockpit.Alerting.Notifications;
using Microsoft.Extensions.Logging;

namespace Cockpit.Alerting.Channels.DingTalk;

/// <summary>
/// A DingTalk (钉钉) group robot: markdown (<c>{"msgtype":"markdown","markdown":{"title","text"}}</c>) or, with
/// <see cref="ReceiverOptions.MessageType"/> <c>actionCard</c>, a card whose button opens the alert (one alert) or the
/// group in Cockpit. Signed when <see cref="ReceiverOptions.Secret"/> is set (see <see cref="DingTalkSignature"/>). The
/// body stays within 20 000 bytes by whole alerts. DingTalk answers <c>{"errcode":0,"errmsg":"ok"}</c>; 130101 (sent
/// too fast) is worth another attempt; others, such as 310000 (signature, keyword or IP check failed), are not.
/// </summary>
internal sealed class DingTalkChannel : INotificationChannel
{
    /// <summary>The most bytes of JSON body Cockpit sends to DingTalk.</summary>
    public const int MaxBodyBytes = 20_000;

    /// <summary>The value of <see cref="ReceiverOptions.MessageType"/> that asks for an action card.</summary>
    public const string ActionCard = "actionCard";

    private static readonly IReadOnlySet<long> RetryCodes = new HashSet<long> { 130101 };
    private readonly ChannelHttp _http;
    private readonly ILogger<DingTalkChannel> _logger;

    public DingTalkChannel(ChannelHttp http, ILogger<DingTalkChannel> logger)
    {
        _http = http;
        _logger = logger;
    }

    public ReceiverKind Kind => ReceiverKind.DingTalk;

    /// <summary>The JSON body for a notification, and how many of its alerts it holds.</summary>
    public static (byte[] Body, int Included) Render(Notification notification, bool actionCard)
    {
        var text = NotificationText.From(notification);
        var button = text.Alerts.Count == 1 ? text.Alerts[0].Link ?? text.GroupLink : text.GroupLink;
        var asCard = actionCard && button is not null;
        return MessageFitter.Fit(text.Alerts.Count, MaxBodyBytes, n =>
        {
            var markdown = RobotMarkdown.DingTalk.Document(text, n);
            var body = asCard ? Card(text.Title, markdown, button!, text.Words.ViewInCockpit) : Markdown(text.Title, markdown);
            return (body, body.Length);
        });
    }

    public async Task<DeliveryOutcome> SendAsync(ReceiverOptions receiver, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(notification);
        if (ChannelHttp.ParseUrl(receiver.Url) is not { } url)
        {
            return DeliveryOutcome.Fail($"Receiver '{receiver.Name}' has no absolute http(s) Url (the robot's webhook address).");
        }

        var actionCard = string.Equals(receiver.MessageType, ActionCard, StringComparison.OrdinalIgnoreCase);
        if (!actionCard && !string.Equals(receiver.MessageType, "markdown", StringComparison.OrdinalIgnoreCase))
        {
            ChannelLog.UnknownDingTalkMessageType(_logger, receiver.Name, receiver.MessageType);
        }

        var (body, included) = Render(notification, actionCard);
        if (included < notification.Alerts.Count)
        {
            ChannelLog.Shortened(_logger, notification.Id, receiver.Name, included, notification.Alerts.Count, Kind, MaxBodyBytes);
        }

        // Signed at send time: DingTalk refuses a timestamp more than an hour old, and a retry may come later than that.
        if (!string.IsNullOrEmpty(receiver.Secret))
        {
            url = DingTalkSignature.Signed(url, receiver.Secret, _http.Time.GetUtcNow());
        }

        var answer = await _http.PostJsonAsync(url, body, notification.Id, receiver.Timeout, cancellationToken).ConfigureAwait(false);
        return RobotAnswer.Classify(answer, "DingTalk", ["errcode"], ["errmsg"], RetryCodes);
    }

    private static byte[] Markdown(string title, string text) => JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("msgtype", "markdown");
        w.WriteStartObject("markdown");
        w.WriteString("title", title);
        w.WriteString("text", text);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private static byte[] Card(string title, string text, string button, string buttonText) => JsonBody.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("msgtype", "actionCard");
        w.WriteStartObject("actionCard");
        w.WriteString("title", title);
        w.WriteString("text", text);
        w.WriteString("btnOrientation", "0");
        w.WriteString("singleTitle", buttonText);
        w.WriteString("singleURL", button);
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
