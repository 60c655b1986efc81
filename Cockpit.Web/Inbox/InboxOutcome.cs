using Cockpit.Alerting.Model;
using Cockpit.Alerting.Silences;

namespace Cockpit.Web.Inbox;

/// <summary>What an inbox action came to.</summary>
public enum InboxOutcome
{
    Done,

    /// <summary>The signed-in user's roles do not allow it (or nobody is signed in).</summary>
    Forbidden,

    NotFound,

    /// <summary>The alert's state does not allow it; the error says why.</summary>
    Conflict,

    /// <summary>The request is wrong (empty note, bad matcher, no comment); the error says why.</summary>
    Invalid,
}

/// <summary>The outcome of an inbox action, the alert or silence after it, and plain-text errors when not done.</summary>
public sealed record InboxResult(InboxOutcome Outcome, IReadOnlyList<string> Errors)
{
    public AlertRecord? Alert { get; init; }

    public Silence? Silence { get; init; }

    public bool Ok => Outcome == InboxOutcome.Done;

    public static InboxResult Forbidden { get; } = new(InboxOutcome.Forbidden, []);

    public static InboxResult From(AlertCommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Outcome switch
        {
            AlertCommandOutcome.Done => InboxOutcome.Done,
            AlertCommandOutcome.NotFound => InboxOutcome.NotFound,
            AlertCommandOutcome.Conflict => InboxOutcome.Conflict,
            _ => InboxOutcome.Invalid,
        };
        return new InboxResult(outcome, result.Error is { } e ? [e] : []) { Alert = result.Alert };
    }
}
