namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>What the alert pages log (event ids 3400–3419).</summary>
internal static partial class AlertPagesLog
{
    // A live refresh runs on a scheduler thread: an exception there would end the subscription (or the process),
    // so it is logged and the page keeps what it showed until the next change.
    [LoggerMessage(EventId = 3400, Level = LogLevel.Warning, Message = "Live refresh of the alert page {Page} failed; it shows the previous state until the next change")]
    public static partial void RefreshFailed(ILogger logger, string page, Exception exception);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "The alert list filter {Filter} timed out matching a regular expression")]
    public static partial void FilterTimedOut(ILogger logger, string filter);
}
