using Microsoft.Extensions.Logging;

namespace Cockpit.Alerting.Delivery;

/// <summary>The delivery worker's log messages (event ids 3320–3339). Receiver URLs are never logged: they carry tokens.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 3320, Level = LogLevel.Information, Message = "Notification delivery started: {Pending} messages waiting in the outbox, {Receivers} receivers")]
    public static partial void Started(ILogger logger, long pending, int receivers);

    [LoggerMessage(EventId = 3321, Level = LogLevel.Debug, Message = "Delivered message {Id} to {Receiver} (attempt {Attempt})")]
    public static partial void Delivered(ILogger logger, long id, string receiver, int attempt);

    [LoggerMessage(EventId = 3322, Level = LogLevel.Warning, Message = "Message {Id} to {Receiver} failed on attempt {Attempt} ({Error}); next attempt at {NextAttemptAt:O}")]
    public static partial void WillRetry(ILogger logger, long id, string receiver, int attempt, string error, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 3323, Level = LogLevel.Error, Message = "Message {Id} to {Receiver} is given up after {Attempts} attempts: {Error}")]
    public static partial void GaveUp(ILogger logger, long id, string receiver, int attempts, string error);

    [LoggerMessage(EventId = 3324, Level = LogLevel.Information, Message = "{Receiver} has had its {Rate} messages this minute; message {Id} waits until {Until:O}")]
    public static partial void RateLimited(ILogger logger, string receiver, int rate, long id, DateTimeOffset until);

    [LoggerMessage(EventId = 3325, Level = LogLevel.Error, Message = "Reading or updating the outbox failed; the next poll tries again")]
    public static partial void OutboxFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3326, Level = LogLevel.Information, Message = "Deleted {Rows} delivered or given-up messages finished before {Cutoff:O}")]
    public static partial void RetentionApplied(ILogger logger, int rows, DateTimeOffset cutoff);
}
