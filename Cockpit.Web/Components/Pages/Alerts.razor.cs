using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text.RegularExpressions;
using Cockpit.Alerting;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;
using Cockpit.Web.Api;
using Cockpit.Web.Components.Controls.Alerts;
using Cockpit.Web.Inbox;
using Cockpit.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Components.Pages;

/// <summary>
/// The on-call inbox: the alerts grouped as the notifications group them, open ones first, narrowed by <c>filter</c>
/// (label matchers, the form notification group links use) and <c>state</c>; ack, resolve, silence and notes for the
/// roles that may; an opt-in alarm for new critical alerts. Live: it re-reads the book when it changes, and the ages
/// move on with the clock.
/// </summary>
public sealed partial class Alerts : ComponentBase, IDisposable
{
    /// <summary>How often the ages are redrawn.</summary>
    public static readonly TimeSpan AgeTick = TimeSpan.FromSeconds(30);

    private LabelMatcherSet _filter = LabelMatcherSet.Everything;
    private HashSet<AlertStatus>? _states;
    private string? _queryError;
    private string? _matchError;
    private IReadOnlyList<InboxGroup> _groups = [];
    private int _count;
    private HashSet<long>? _critical;
    private DateTimeOffset _now;
    private (long Id, InboxAction Action)? _open;
    private InboxFeedback? _feedback;
    private AlarmToggle? _alarm;
    private IDisposable? _subscription;
    private IDisposable? _ticks;
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
    private IOptions<AlertingOptions> Alerting { get; set; } = default!;

    [Inject]
    private IScheduler Scheduler { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<Alerts> Logger { get; set; } = default!;

    /// <summary>Label matchers in Alertmanager syntax, e.g. <c>{region="tianhe",rule=~"complaint-.*"}</c>.</summary>
    [SupplyParameterFromQuery(Name = "filter")]
    public string? Filter { get; set; }

    /// <summary>pending, firing, acknowledged or resolved (comma-separated for several).</summary>
    [SupplyParameterFromQuery(Name = "state")]
    public string? State { get; set; }

    private string? Error => _queryError ?? _matchError;

    private AlertStatus? SelectedState => _states is { Count: 1 } ? _states.First() : null;

    private string CountText => string.Format(CultureInfo.CurrentCulture, _count == 1 ? L["1 alert in 1 group"] : L["{0} alerts in {1} groups"], _count, _groups.Count);

    private string EmptyText => _filter.Matchers.Count > 0 || _states is not null ? L["No alerts match."] : L["No alerts. All quiet."];

    private string ClearFilterLink => Navigation.GetUriWithQueryParameter("filter", (string?)null);

    protected override void OnInitialized()
    {
        _viewer = ViewerCulture.Capture();
        _now = Scheduler.Now;
        _subscription = Book.SubscribeThrottled(Refresh);
        _ticks = Observable.Interval(AgeTick, Scheduler).Subscribe(_ => _viewer.InvokeAsync(InvokeAsync, () =>
        {
            _now = Scheduler.Now;
            StateHasChanged();
        }));
    }

    protected override void OnParametersSet()
    {
        var errors = new List<string>();
        _states = QueryValues.ParseEnum<AlertStatus>("state", State, errors);
        if (!LabelMatcherSet.TryParse(Filter, out var filter, out var filterError))
        {
            errors.Insert(0, filterError);
            filter = LabelMatcherSet.Everything;
        }

        _filter = filter;
        _queryError = errors.Count > 0 ? string.Join(" ", errors) : null;
        var selection = _queryError is null ? Select(_filter, _states) : new Selection([], 0, null);
        Apply(selection);
        _critical ??= CriticalFiring(Book.Snapshot());
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _ticks?.Dispose();
    }

    private string StateLink(AlertStatus? state) =>
        Navigation.GetUriWithQueryParameter("state", state is { } s ? Lower(s) : null);

    private static string Lower(AlertStatus state) => state.ToString().ToLowerInvariant();

    private void Apply(Selection selection)
    {
        (_groups, _count, _matchError) = (selection.Groups, selection.Count, selection.Error);
    }

    private async Task OnActionAsync((AlertRecord Alert, InboxAction Action) request)
    {
        var (alert, action) = request;
        if (action is InboxAction.Silence or InboxAction.Note)
        {
            _open = _open is { } open && open.Id == alert.Id && open.Action == action ? null : (alert.Id, action);
            _feedback = null;
            return;
        }

        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        var result = action == InboxAction.Acknowledge ? Commands.Acknowledge(user, alert.Id) : Commands.Resolve(user, alert.Id);
        _feedback = Messages.Describe(action, alert, result);
        if (result.Ok)
        {
            Apply(Select(_filter, _states));
        }
    }

    private void OnPanelDone(InboxFeedback feedback)
    {
        _feedback = feedback;
        _open = null;
        Apply(Select(_filter, _states));
    }

    private void ClosePanel() => _open = null;

    // Called on a scheduler thread: select off the renderer, then swap the immutable groups in.
    private void Refresh()
    {
        if (_disposed || _queryError is not null)
        {
            return;
        }

        try
        {
            var states = _states;
            var filter = _filter;
            var snapshot = Book.Snapshot();
            var selection = Select(filter, states, snapshot);
            var critical = CriticalFiring(snapshot);
            _ = _viewer.InvokeAsync(InvokeAsync, async () =>
            {
                // Parameters may have changed while we were selecting; only take rows made for the current ones.
                if (ReferenceEquals(filter, _filter) && ReferenceEquals(states, _states))
                {
                    Apply(selection);
                    _now = Scheduler.Now;
                    StateHasChanged();
                }

                await AlarmForNewAsync(snapshot, critical);
            });
        }
        catch (Exception e)
        {
            AlertPagesLog.RefreshFailed(Logger, "/alerts", e);
        }
    }

    // Only alerts that became critical and firing since the last look raise the alarm; the set is replaced each time,
    // so it never holds more than the book's snapshot.
    private async Task AlarmForNewAsync(IReadOnlyList<AlertRecord> snapshot, HashSet<long> critical)
    {
        var seen = _critical;
        _critical = critical;
        if (seen is null || _alarm is null)
        {
            return;
        }

        foreach (var alert in snapshot.Where(a => critical.Contains(a.Id) && !seen.Contains(a.Id)).Take(3))
        {
            await _alarm.AlarmAsync(alert, Navigation.ToAbsoluteUri(AlertLinks.Detail(alert.Id)).ToString());
        }
    }

    private static HashSet<long> CriticalFiring(IReadOnlyList<AlertRecord> alerts) =>
        [.. alerts.Where(a => a.Severity == AlertSeverity.Critical && a.Status == AlertStatus.Firing && !a.Silenced).Select(a => a.Id)];

    private Selection Select(LabelMatcherSet filter, HashSet<AlertStatus>? states, IReadOnlyList<AlertRecord>? snapshot = null)
    {
        try
        {
            var rows = (snapshot ?? Book.Snapshot()).Where(a => (states is null || states.Contains(a.Status)) && filter.Matches(a.Labels)).ToList();
            return new Selection(InboxGroup.Of(rows, Alerting.Value.Grouping.EffectiveGroupBy), rows.Count, null);
        }
        catch (RegexMatchTimeoutException)
        {
            AlertPagesLog.FilterTimedOut(Logger, filter.ToString());
            return new Selection([], 0, string.Format(CultureInfo.CurrentCulture, L["The filter {0} took too long to match: one of its regular expressions backtracks too much. Simplify it."], filter));
        }
    }

    private sealed record Selection(IReadOnlyList<InboxGroup> Groups, int Count, string? Error);
}
