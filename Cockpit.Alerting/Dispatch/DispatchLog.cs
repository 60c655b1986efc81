using Microsoft.Extensions.Logging;

namespace Cockpit.Alerting.Dispatch;

/// <summary>The notification dispatcher's log messages (event ids 3300–3319).</summary>
internal static partial class DispatchLog
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Notification dispatch started: {Routes} routes, {Receivers} receivers, {Groups} groups restored from before")]
    public static partial void Started(ILogger logger, int routes, int receivers, int groups);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Queued message {Id} for {Receiver}: {Status}, {Firing} firing, {Resolved} resolved, group {GroupKey}")]
    public static partial void Queued(ILogger logger, long id, string receiver, string status, int firing, int resolved, string groupKey);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Alert {AlertId} ({Fingerprint}) matches no route; it is not notified")]
    public static partial void Unrouted(ILogger logger, long alertId, string fingerprint);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Alert {AlertId} escalated to level {Level} of route {Route} (team {Team}): {Receivers}")]
    public static partial void Escalated(ILogger logger, long alertId, int level, string route, string team, string receivers);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "Alert {AlertId} is not escalated to level {Level} of route {Route}: it is silenced or inhibited")]
    public static partial void EscalationSkipped(ILogger logger, long alertId, int level, string route);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Error, Message = "Storing the message of group {GroupKey} failed; tried again at {RetryAt:O}")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string groupKey, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Error, Message = "Handling the change of alert {AlertId} failed")]
    public static partial void ChangeFailed(ILogger logger, Exception exception, long alertId);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Warning, Message = "Writing {Action} to the history of alert {AlertId} failed")]
    public static partial void RecordFailed(ILogger logger, Exception exception, string action, long alertId);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Error, Message = "Deleting the finished group {GroupKey} failed; it is deleted at the next start")]
    public static partial void DeleteFailed(ILogger logger, Exception exception, string groupKey);

    [LoggerMessage(EventId = 3309, Level = LogLevel.Error, Message = "Sending the message of group {GroupKey} failed unexpectedly")]
    public static partial void GroupFailed(ILogger logger, Exception exception, string groupKey);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Error, Message = "Escalating alert {AlertId} to level {Level} failed unexpectedly")]
    public static partial void EscalationFailed(ILogger logger, Exception exception, long alertId, int level);
}
