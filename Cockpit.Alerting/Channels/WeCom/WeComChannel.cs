using System.Text;
using Cockpit.Alerting.Channels.Http;
using Cockpit.Alerting.Channels.Text;
using Cockpit.Alerting.Notifications;
using Microsoft.Extensions.Logging;

namespace Cockpit.Alerting.Channels.WeCom;

/// <summary>
/// A WeCom (企业微信) group robot: <c>{"msgtype":"markdown","markdown":{"content":…}}</c> POSTed to the robot's
/// webhook URL (which carries its key). WeCom takes at most 4096 bytes of content; a group with more alerts than fit
/// lists as many whole alerts as fit and links to the rest. WeCom answers <c>{"errcode":0,"errmsg":"ok"}</c>; 45009
/// (API frequency out of limit) and -1 (system busy) are worth another attempt, other codes are not.
/// </summary>
internal sealed class WeComChannel : INotificationChannel
{
    /// <summary>WeCom's limit on markdown content, in UTF-8 bytes.</summary>
    public const int MaxContentBytes = 4096;

    private static readonly IReadOnlySet<long> RetryCodes = new HashSet<long> { 45009, -1 };
    private readonly ChannelHttp _http;
    private readonly ILogger<WeComChannel> _logger;

    public WeComChannel(ChannelHttp http, ILogger<WeComChannel> logger)
    {
        _http = http;
        _logger = logger;
    }

    public ReceiverKind Kind => ReceiverKind.WeCom;

    /// <summary>The JSON body for a notification, and how many of its alerts it holds.</summary>
    public static (byte[] Body, int Included) Render(Notification notification)
    {
        var text = NotificationText.From(notification);
        var (content, included) = MessageFitter.Fit(text.Alerts.Count, MaxContentBytes, n =>
        {
            var markdown = RobotMarkdown.WeCom.Document(text, n);
            return (markdown, Encoding.UTF8.GetByteCount(markdown));
        });
        var body = JsonBody.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("msgtype", "markdown");
            w.WriteStartObject("markdown");
            w.WriteString("content", content);
            w.WriteEndObject();
            w.WriteEndObject();
        });
        return (body, included);
    }

    public async Task<DeliveryOutcome> SendAsync(ReceiverOptions receiver, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(notification);
        if (ChannelHttp.ParseUrl(receiver.Url) is not { } url)
        {
            return DeliveryOutcome.Fail($"Receiver '{receiver.Name}' has no absolute http(s) Url (the robot's webhook address).");
        }

        var (body, included) = Render(notification);
        if (included < notification.Alerts.Count)
        {
            ChannelLog.Shortened(_logger, notification.Id, receiver.Name, included, notification.Alerts.Count, Kind, MaxContentBytes);
        }

        var answer = await _http.PostJsonAsync(url, body, notification.Id, receiver.Timeout, cancellationToken).ConfigureAwait(false);
        return RobotAnswer.Classify(answer, "WeCom", ["errcode"], ["errmsg"], RetryCodes);
    }
}
