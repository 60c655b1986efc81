using Cockpit.Alerting.Channels.Http;
using Cockpit.Alerting.Notifications;

namespace Cockpit.Alerting.Channels.Webhook;

/// <summary>
/// POSTs Alertmanager's webhook JSON (see <see cref="WebhookPayload"/>) to <see cref="ReceiverOptions.Url"/>. 2xx is
/// delivered; no answer, 5xx, 408 and 429 are worth another attempt; any other answer means the receiver refuses it.
/// </summary>
internal sealed class WebhookChannel : INotificationChannel
{
    private readonly ChannelHttp _http;

    public WebhookChannel(ChannelHttp http) => _http = http;

    public ReceiverKind Kind => ReceiverKind.Webhook;

    public async Task<DeliveryOutcome> SendAsync(ReceiverOptions receiver, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(notification);
        if (ChannelHttp.ParseUrl(receiver.Url) is not { } url)
        {
            return DeliveryOutcome.Fail($"Receiver '{receiver.Name}' has no absolute http(s) Url.");
        }

        var answer = await _http.PostJsonAsync(url, WebhookPayload.Render(notification), notification.Id, receiver.Timeout, cancellationToken).ConfigureAwait(false);
        return answer.IsSuccess ? DeliveryOutcome.Ok
            : answer.IsTransient ? DeliveryOutcome.Retry(answer.Describe(), answer.RetryAfter)
            : DeliveryOutcome.Fail(answer.Describe());
    }
}
