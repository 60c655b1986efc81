namespace Cockpit.Alerting.Model;

/// <summary>What a command on an alert (ack, resolve, note) did.</summary>
public enum AlertCommandOutcome
{
    /// <summary>Done; <see cref="AlertCommandResult.Alert"/> is the alert afterwards.</summary>
    Done,

    /// <summary>No alert with that id.</summary>
    NotFound,

    /// <summary>The alert's state does not allow it (e.g. acknowledging a resolved alert); see the error.</summary>
    Conflict,

    /// <summary>The request itself is wrong (e.g. an empty note); see the error.</summary>
    Invalid,
}

/// <summary>The outcome of a command, the alert after it, and a plain-text error when it was not done.</summary>
public sealed record AlertCommandResult(AlertCommandOutcome Outcome, AlertRecord? Alert, string? Error)
{
    /// <summary>The note a successful <c>AddNote</c> stored (with its id), otherwise null.</summary>
    public AlertNote? Note { get; init; }

    public static AlertCommandResult Done(AlertRecord alert) => new(AlertCommandOutcome.Done, alert, null);

    public static AlertCommandResult NotFound(long id) => new(AlertCommandOutcome.NotFound, null, $"No alert {id}.");

    public static AlertCommandResult Conflict(AlertRecord alert, string error) => new(AlertCommandOutcome.Conflict, alert, error);

    public static AlertCommandResult Invalid(string error) => new(AlertCommandOutcome.Invalid, null, error);
}
