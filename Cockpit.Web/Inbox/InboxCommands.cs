using System.Reactive.Concurrency;
using System.Security.Claims;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Silences;

namespace Cockpit.Web.Inbox;

/// <summary>
/// The inbox's actions on alerts, each checked against the caller's roles here on the server (the buttons are only
/// hidden in the browser) and recorded under the signed-in user's name.
/// </summary>
public sealed class InboxCommands(IAlertBook book, ISilenceBook silences, IScheduler scheduler, ILogger<InboxCommands> logger)
{
    /// <summary>Acknowledges a firing alert (oncall, admin).</summary>
    public InboxResult Acknowledge(ClaimsPrincipal user, long id) =>
        Operate(user, id, "acknowledge", InboxPermissions.CanOperate, name => book.Acknowledge(id, name));

    /// <summary>Resolves an open alert by hand (oncall, admin).</summary>
    public InboxResult Resolve(ClaimsPrincipal user, long id) =>
        Operate(user, id, "resolve", InboxPermissions.CanOperate, name => book.Resolve(id, name));

    /// <summary>Adds a note (oncall, admin, analyst).</summary>
    public InboxResult AddNote(ClaimsPrincipal user, long id, string text) =>
        Operate(user, id, "note", InboxPermissions.CanAnnotate, name => book.AddNote(id, name, text ?? ""));

    /// <summary>Creates the silence <paramref name="draft"/> describes, from now (oncall, admin).</summary>
    public InboxResult Silence(ClaimsPrincipal user, long id, SilenceDraft draft, Func<SilenceDraftError, string> describe)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(describe);
        if (!InboxPermissions.CanOperate(user))
        {
            InboxLog.Refused(logger, "silence", id, InboxPermissions.NameOf(user) ?? "anonymous");
            return InboxResult.Forbidden;
        }

        if (!draft.TryBuild(scheduler.Now, out var request, out var problems))
        {
            return new InboxResult(InboxOutcome.Invalid, [.. problems.Select(describe)]);
        }

        var result = silences.Create(request!, InboxPermissions.NameOf(user)!);
        if (!result.Ok)
        {
            return new InboxResult(InboxOutcome.Invalid, result.Errors);
        }

        InboxLog.Silenced(logger, InboxPermissions.NameOf(user)!, id, result.Silence!.Id);
        return new InboxResult(InboxOutcome.Done, []) { Silence = result.Silence, Alert = book.Find(id) };
    }

    private InboxResult Operate(ClaimsPrincipal user, long id, string action, Func<ClaimsPrincipal, bool> allowed, Func<string, Cockpit.Alerting.Model.AlertCommandResult> command)
    {
        if (!allowed(user))
        {
            InboxLog.Refused(logger, action, id, InboxPermissions.NameOf(user) ?? "anonymous");
            return InboxResult.Forbidden;
        }

        var name = InboxPermissions.NameOf(user)!;
        var result = InboxResult.From(command(name));
        InboxLog.Commanded(logger, name, action, id, result.Outcome.ToString());
        return result;
    }
}
