using Microsoft.Extensions.Logging;

namespace Cockpit.Alerting.Channels;

/// <summary>
/// The channels' log messages (event ids 3100–3149). Outcomes are logged by the delivery worker; the channels log only
/// what the worker cannot see. Nothing here carries a URL: robot URLs hold their access token.
/// </summary>
internal static partial class ChannelLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Notification {NotificationId} to {Receiver} holds {Included} of its {Total} alerts: the rest do not fit in {Kind}'s {Limit} bytes, the message links to the group instead")]
    public static partial void Shortened(ILogger logger, long notificationId, string receiver, int included, int total, ReceiverKind kind, int limit);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Receiver {Receiver} is a DingTalk robot with MessageType '{MessageType}', which Cockpit does not know; it gets markdown")]
    public static partial void UnknownDingTalkMessageType(ILogger logger, string receiver, string messageType);
}
