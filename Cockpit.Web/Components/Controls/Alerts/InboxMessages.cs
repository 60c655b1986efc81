using System.Globalization;
using Cockpit.Alerting.Model;
using Cockpit.Web.Inbox;
using Cockpit.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>The feedback an inbox action gives, as text in the reader's language (resources: InboxMessages.resx).</summary>
public sealed class InboxMessages(IStringLocalizer<InboxMessages> localizer, DisplayTimeZone zone)
{
    /// <summary>What <paramref name="result"/> of <paramref name="action"/> on <paramref name="alert"/> means for the reader.</summary>
    public InboxFeedback Describe(InboxAction action, AlertRecord alert, InboxResult result)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(result);
        var name = string.Create(CultureInfo.InvariantCulture, $"{alert.Rule} #{alert.Id}");
        var text = result.Outcome switch
        {
            InboxOutcome.Done => action switch
            {
                InboxAction.Acknowledge => Format("Acknowledged {0}.", name),
                InboxAction.Resolve => Format("Resolved {0}.", name),
                InboxAction.Silence => result.Silence is { } silence
                    ? Format("Silenced {0} until {1} {2} (silence {3}).", name, zone.Format(silence.EndsAt), zone.OffsetAt(silence.EndsAt), silence.Id)
                    : Format("Silenced {0} until {1} {2} (silence {3}).", name, "", "", ""),
                _ => Format("Note added to {0}.", name),
            },
            InboxOutcome.Forbidden => Format("Not allowed: your role cannot {0} alerts.", Verb(action)),
            _ => Format("Could not {0} {1}: {2}", Verb(action), name, string.Join(" ", result.Errors)),
        };
        return new InboxFeedback(result.Ok, text);
    }

    /// <summary>A silence draft's problem as text.</summary>
    public string Describe(SilenceDraftError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Problem switch
        {
            SilenceDraftProblem.BadDuration => Format("'{0}' is not a duration; write e.g. 90m, 2h or 1d.", error.Detail),
            SilenceDraftProblem.NoComment => localizer["A comment is required: say why, for the next person on call."],
            SilenceDraftProblem.NoMatcher => localizer["Give at least one matcher, e.g. region=\"tianhe\"."],
            _ => error.Detail,
        };
    }

    private string Verb(InboxAction action) => localizer[action switch
    {
        InboxAction.Acknowledge => "acknowledge",
        InboxAction.Resolve => "resolve",
        InboxAction.Silence => "silence",
        _ => "add notes to",
    }];

    private string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, localizer[key], args);
}

/// <summary>Feedback after an action: whether it worked, and what to say.</summary>
public sealed record InboxFeedback(bool Ok, string Text);
