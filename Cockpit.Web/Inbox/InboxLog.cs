namespace Cockpit.Web.Inbox;

/// <summary>What the on-call inbox logs (event ids 3560–3579).</summary>
internal static partial class InboxLog
{
    [LoggerMessage(EventId = 3560, Level = LogLevel.Warning, Message = "Refused {Action} on alert {AlertId} by {User}: the role does not allow it")]
    public static partial void Refused(ILogger logger, string action, long alertId, string user);

    [LoggerMessage(EventId = 3561, Level = LogLevel.Information, Message = "{User} did {Action} on alert {AlertId}: {Outcome}")]
    public static partial void Commanded(ILogger logger, string user, string action, long alertId, string outcome);

    [LoggerMessage(EventId = 3562, Level = LogLevel.Information, Message = "{User} silenced alert {AlertId} with silence {SilenceId}")]
    public static partial void Silenced(ILogger logger, string user, long alertId, string silenceId);

    [LoggerMessage(EventId = 3563, Level = LogLevel.Warning, Message = "The chart of alert {AlertId} could not be read from the store")]
    public static partial void ChartFailed(ILogger logger, long alertId, Exception exception);

    [LoggerMessage(EventId = 3564, Level = LogLevel.Warning, Message = "The contributors of alert {AlertId} could not be read from the store")]
    public static partial void ContributorsFailed(ILogger logger, long alertId, Exception exception);
}
