using System.Text.RegularExpressions;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Web.Api;
using Cockpit.Web.Components.Controls.Alerts;
using Microsoft.AspNetCore.Components;

namespace Cockpit.Web.Components.Pages;

/// <summary>
/// The alerts, open ones first, narrowed by <c>filter</c> (label matchers, the form notification group links use)
/// and <c>state</c>. Read-only and live: it re-reads the book when it changes.
/// </summary>
public sealed partial class Alerts : ComponentBase, IDisposable
{
    private LabelMatcherSet _filter = LabelMatcherSet.Everything;
    private HashSet<AlertStatus>? _states;
    private string? _queryError;
    private string? _matchError;
    private IReadOnlyList<AlertRecord> _rows = [];
    private IDisposable? _subscription;
    private bool _disposed;

    [Inject]
    private IAlertBook Book { get; set; } = default!;

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

    private string CountText => _rows.Count == 1 ? "1 alert" : $"{_rows.Count} alerts";

    private string EmptyText => _filter.Matchers.Count > 0 || _states is not null ? "No alerts match." : "No alerts. All quiet.";

    private string ClearFilterLink => Navigation.GetUriWithQueryParameter("filter", (string?)null);

    protected override void OnInitialized() => _subscription = Book.SubscribeThrottled(Refresh);

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
        (_rows, _matchError) = _queryError is null ? Select(_filter, _states) : ([], null);
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }

    private string StateLink(AlertStatus? state) =>
        Navigation.GetUriWithQueryParameter("state", state is { } s ? Lower(s) : null);

    private static string Lower(AlertStatus state) => state.ToString().ToLowerInvariant();

    // Called on a scheduler thread: select off the renderer, then swap the immutable list in.
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
            var (rows, matchError) = Select(filter, states);
            _ = InvokeAsync(() =>
            {
                // Parameters may have changed while we were selecting; only take rows made for the current ones.
                if (ReferenceEquals(filter, _filter) && ReferenceEquals(states, _states))
                {
                    (_rows, _matchError) = (rows, matchError);
                    StateHasChanged();
                }
            });
        }
        catch (Exception e)
        {
            AlertPagesLog.RefreshFailed(Logger, "/alerts", e);
        }
    }

    private (IReadOnlyList<AlertRecord> Rows, string? Error) Select(LabelMatcherSet filter, HashSet<AlertStatus>? states)
    {
        try
        {
            return (AlertOrder.ForList(Book.Snapshot().Where(a => (states is null || states.Contains(a.Status)) && filter.Matches(a.Labels))), null);
        }
        catch (RegexMatchTimeoutException)
        {
            AlertPagesLog.FilterTimedOut(Logger, filter.ToString());
            return ([], $"The filter {filter} took too long to match: one of its regular expressions backtracks too much. Simplify it.");
        }
    }
}
