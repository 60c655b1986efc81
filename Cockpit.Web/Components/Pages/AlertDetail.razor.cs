using System.Globalization;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Web.Components.Controls.Alerts;
using Cockpit.Web.Inbox;
using Cockpit.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Cockpit.Web.Components.Pages;

/// <summary>
/// One alert: its state and marks, what was measured, the series around it with the top contributors to the change,
/// related alerts, who did what (history) and what people wrote (notes); ack, resolve, silence and notes for the roles
/// that may. Live: it re-reads the alert when the book changes. An unknown id answers 404 when the page is
/// rendered on the server first; later, over the circuit, there is no status to set, so it only says so.
/// </summary>
public sealed partial class AlertDetail : ComponentBase, IDisposable
{
    private AlertView? _view;
    private InboxAction? _open;
    private InboxFeedback? _feedback;
    private IDisposable? _subscription;
    private ViewerCulture _viewer = default!;
    private bool _disposed;

    [Inject]
    private IAlertBook Book { get; set; } = default!;

    [Inject]
    private InboxCommands Commands { get; set; } = default!;

    [Inject]
    private InboxMessages Messages { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = default!;

    [Inject]
    private ILogger<AlertDetail> Logger { get; set; } = default!;

    /// <summary>The alert's id.</summary>
    [Parameter]
    public long Id { get; set; }

    // Only there while the page is rendered as part of an HTTP request (prerendering); null over the circuit.
    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private string Title => _view is { } view
        ? string.Create(CultureInfo.InvariantCulture, $"{view.Alert.Rule} #{view.Alert.Id}")
        : string.Format(CultureInfo.CurrentCulture, L["No alert {0}"], Id);

    protected override void OnInitialized()
    {
        _viewer = ViewerCulture.Capture();
        _subscription = Book.SubscribeThrottled(Refresh);
    }

    protected override void OnParametersSet()
    {
        _view = Load(Id);
        if (_view is null && HttpContext is { Response.HasStarted: false } http)
        {
            // Set as the headers go out: for a 404 set while rendering, the component endpoint writes no body (it leaves
            // 404s to status-code pages or the router's not-found page), and the message is what the reader needs.
            http.Response.OnStarting(() =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }

    private AlertView? Load(long id) =>
        Book.Find(id) is { } alert ? new AlertView(alert, Book.History(id), Book.Notes(id), RelatedAlerts.Of(alert, Book.Snapshot(), Book.Find)) : null;

    private async Task OnActionAsync((AlertRecord Alert, InboxAction Action) request)
    {
        var (alert, action) = request;
        if (action is InboxAction.Silence or InboxAction.Note)
        {
            _open = _open == action ? null : action;
            _feedback = null;
            return;
        }

        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        var result = action == InboxAction.Acknowledge ? Commands.Acknowledge(user, alert.Id) : Commands.Resolve(user, alert.Id);
        _feedback = Messages.Describe(action, alert, result);
        _view = Load(Id);
    }

    private void OnPanelDone(InboxFeedback feedback)
    {
        _feedback = feedback;
        _open = null;
        _view = Load(Id);
    }

    private void ClosePanel() => _open = null;

    // Called on a scheduler thread: read the book (and its SQLite history) off the renderer, then swap the view in.
    private void Refresh()
    {
        if (_disposed)
        {
            return;
        }

        var id = Id;
        try
        {
            var view = Load(id);
            _ = _viewer.InvokeAsync(InvokeAsync, () =>
            {
                if (id == Id)
                {
                    _view = view;
                    StateHasChanged();
                }
            });
        }
        catch (Exception e)
        {
            AlertPagesLog.RefreshFailed(Logger, "/alerts/" + id.ToString(CultureInfo.InvariantCulture), e);
        }
    }

    private sealed record AlertView(AlertRecord Alert, IReadOnlyList<AlertHistoryEntry> History, IReadOnlyList<AlertNote> Notes, RelatedAlerts Related);
}
