using Cockpit.Alerting.Model;
using Cockpit.Web.Inbox;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Cockpit.Web.Components.Controls.Alerts;

/// <summary>
/// The form of an action that needs input — a silence (duration, comment, matchers prefilled from the alert's labels)
/// or a note. It submits through <see cref="InboxCommands"/>, which checks the signed-in user's role whatever the
/// browser sent; a failure stays in the form as text, a success is handed to the host.
/// </summary>
public sealed partial class AlertActionPanel : ComponentBase
{
    private SilenceDraft _draft = new();
    private NoteDraft _note = new();
    private long _draftFor = -1;
    private string? _error;
    private bool _busy;

    [Inject]
    private InboxCommands Commands { get; set; } = default!;

    [Inject]
    private InboxMessages Messages { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = default!;

    /// <summary>The alert to silence or annotate.</summary>
    [Parameter, EditorRequired]
    public AlertRecord Alert { get; set; } = default!;

    /// <summary><see cref="InboxAction.Silence"/> or <see cref="InboxAction.Note"/>.</summary>
    [Parameter, EditorRequired]
    public InboxAction Action { get; set; }

    /// <summary>Called with the feedback after a success.</summary>
    [Parameter]
    public EventCallback<InboxFeedback> OnDone { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private string FormName => (Action == InboxAction.Silence ? "silence-" : "note-") + Alert.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private int MatcherRows => Math.Clamp(_draft.Matchers.Count(c => c == '\n') + 1, 2, 8);

    protected override void OnParametersSet()
    {
        // A new draft per alert; live updates of the same alert keep what the user typed.
        if (_draftFor != Alert.Id)
        {
            _draftFor = Alert.Id;
            _draft = SilenceDraft.For(Alert);
            _note = new NoteDraft();
            _error = null;
        }
    }

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            var user = (await Authentication.GetAuthenticationStateAsync()).User;
            var result = Action == InboxAction.Silence
                ? Commands.Silence(user, Alert.Id, _draft, Messages.Describe)
                : Commands.AddNote(user, Alert.Id, _note.Text);
            var feedback = Messages.Describe(Action, Alert, result);
            if (!result.Ok)
            {
                _error = feedback.Text;
                return;
            }

            _error = null;
            _note = new NoteDraft();
            await OnDone.InvokeAsync(feedback);
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class NoteDraft
    {
        public string Text { get; set; } = "";
    }
}
