using System.Globalization;
using Cockpit.Ingest.Storage;
using Cockpit.Web.Components.Controls;
using Cockpit.Web.Explore;
using Cockpit.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.Localization;

namespace Cockpit.Web.Components.Pages;

/// <summary>
/// The analysts' view of history: one field of one measurement over a range, a line per group, optionally the same
/// range a day or a week earlier as dashed lines, and which tag values carry the change. The address holds the whole
/// state (<see cref="ExploreUrl"/>): every control navigates to a new address and the page answers the address, so a
/// view can be shared and reopened. Data comes from the store, never from the wall's memory.
/// </summary>
[Authorize(Roles = ExploreAccess.Roles)]
public sealed partial class Explore : ComponentBase, IDisposable
{
    private const string InputTimeFormat = "yyyy-MM-ddTHH:mm";

    private readonly Dictionary<(string Measurement, string Key), IReadOnlyList<string>> _tagValues = [];
    private CancellationTokenSource? _loading;
    private ExploreCatalog? _catalog;
    private ExploreState _state = new();
    private IReadOnlyList<ExploreProblem> _problems = [];
    private ExploreResult? _result;
    private IReadOnlyList<ChartSeries> _chart = [];
    private string? _loadedQuery;
    private string? _failure;
    private string _customFrom = "";
    private string _customTo = "";
    private bool _editingCustom;
    private ViewerCulture _viewer = default!;

    [Inject]
    private IMetricStore Store { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<Explore> L { get; set; } = default!;

    // Times are shown and entered in the display time zone, as on the wall.
    [Inject]
    private DisplayTimeZone Zone { get; set; } = default!;

    [Inject]
    private ILogger<Explore> Logger { get; set; } = default!;

    private ExploreMeasurement? Measurement => _catalog?.Find(_state.Measurement);

    private bool Ready => _problems.Count == 0 && _catalog is not null && Measurement is not null;

    protected override async Task OnInitializedAsync()
    {
        _viewer = ViewerCulture.Capture();
        Navigation.LocationChanged += OnLocationChanged;
        try
        {
            _catalog = await ExploreCatalog.LoadAsync(Store, CancellationToken.None);
        }
        catch (Exception e)
        {
            ExploreLog.CatalogFailed(Logger, e);
            _failure = L["Failure.Catalog"];
            return;
        }

        await AnswerAddressAsync();
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _loading?.Cancel();
        _loading?.Dispose();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (IsExploreAddress(e.Location) && _catalog is not null)
        {
            // Raised on the circuit today; the viewer's culture is put back anyway, as for every callback that renders.
            _ = _viewer.InvokeAsync(InvokeAsync, async () =>
            {
                await AnswerAddressAsync();
                StateHasChanged();
            });
        }
    }

    private bool IsExploreAddress(string uri) =>
        Navigation.ToBaseRelativePath(uri).Split('?', '#')[0].Equals(ExploreUrl.PagePath, StringComparison.OrdinalIgnoreCase);

    // Parse the address, fill in defaults, check against the store, then load (once per distinct state).
    private async Task AnswerAddressAsync()
    {
        var query = new Uri(Navigation.Uri).Query;
        var state = ExploreUrl.Parse(query, out var problems);
        state = _catalog!.Complete(state);
        if (problems.Count == 0)
        {
            problems = _catalog.Check(state);
        }

        _state = state;
        _problems = problems;
        _failure = null;
        if (!_editingCustom || state.IsCustomRange)
        {
            SetCustomInputs(state);
        }

        if (problems.Count > 0)
        {
            _result = null;
            _chart = [];
            _loadedQuery = null;
            return;
        }

        var canonical = ExploreUrl.ToQueryString(state);
        if (RendererInfo.IsInteractive && query.TrimStart('?') != canonical)
        {
            // The address says everything the view shows, defaults included, so that copying it shares this view.
            Navigation.NavigateTo(ExploreUrl.PagePath + "?" + canonical, replace: true);
        }

        if (canonical == _loadedQuery)
        {
            return;
        }

        _loadedQuery = canonical;
        await LoadAsync(state);
    }

    private async Task LoadAsync(ExploreState state)
    {
        _loading?.Cancel();
        _loading?.Dispose();
        _loading = new CancellationTokenSource();
        var cancellation = _loading.Token;
        try
        {
            await LoadTagValuesAsync(state.Measurement!, cancellation);
            var result = await new ExploreQueryRunner(Store).RunAsync(state, Time.GetUtcNow(), cancellation);
            if (!cancellation.IsCancellationRequested)
            {
                _result = result;
                _chart = ChartOf(result);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // A newer address is being answered.
        }
        catch (Exception e)
        {
            ExploreLog.QueryFailed(Logger, state.Measurement!, state.Field!, e);
            _failure = L["Failure.Query"];
            _result = null;
            _chart = [];
            _loadedQuery = null;
        }
    }

    private async Task LoadTagValuesAsync(string measurement, CancellationToken cancellationToken)
    {
        foreach (var key in _catalog!.Find(measurement)?.TagKeys ?? [])
        {
            if (!_tagValues.ContainsKey((measurement, key)))
            {
                _tagValues[(measurement, key)] = await Store.ListTagValuesAsync(measurement, key, cancellationToken);
            }
        }
    }

    private IReadOnlyList<ChartSeries> ChartOf(ExploreResult result)
    {
        var comparing = result.State.Compare != ExploreComparison.None;
        var earlier = result.State.Compare == ExploreComparison.Day ? "Chart.DayEarlier" : "Chart.WeekEarlier";
        var series = new List<ChartSeries>();
        for (var i = 0; i < result.Lines.Count; i++)
        {
            var line = result.Lines[i];
            series.Add(new ChartSeries(line.Name, Points(line.Points), ColorIndex: comparing ? i : null));
        }

        if (comparing)
        {
            for (var i = 0; i < result.Lines.Count; i++)
            {
                var line = result.Lines[i];
                series.Add(new ChartSeries(L[earlier, line.Name], Points(line.Comparison), Dashed: true, ColorIndex: i));
            }
        }

        return series;
    }

    private static ChartPoint[] Points(IReadOnlyList<BucketValue> points) =>
        [.. points.Select(p => new ChartPoint(p.Time.ToUnixTimeMilliseconds(), p.Value))];

    private IReadOnlyList<string> TagValues(string key) =>
        _state.Measurement is { } m && _tagValues.TryGetValue((m, key), out var values) ? values : [];

    private IReadOnlyList<string> Selected(string key) =>
        _state.Filters.TryGetValue(key, out var values) ? values : [];

    // Every control goes through the address.
    private void Go(ExploreState state) => Navigation.NavigateTo(ExploreUrl.ToPageUri(_catalog?.Complete(state) ?? state));

    private void ChangeMeasurement(ChangeEventArgs e) =>
        Go(new ExploreState { Measurement = e.Value as string, Preset = _state.Preset, From = _state.From, To = _state.To, Compare = _state.Compare });

    private void ChangeField(ChangeEventArgs e) => Go(_state with { Field = e.Value as string, Aggregate = null });

    private void ChangeAggregate(ChangeEventArgs e) =>
        Go(_state with { Aggregate = Enum.TryParse<Aggregate>(e.Value as string, true, out var a) ? a : null });

    private void ChangeBucket(ChangeEventArgs e) =>
        Go(_state with { Bucket = ExploreDurations.TryParseBucket(e.Value as string, out var b) ? b : null });

    private void ChangeGroupBy(ChangeEventArgs e) => Go(_state with { GroupBy = e.Value as string });

    private void ChangeCompare(ChangeEventArgs e) =>
        Go(_state with { Compare = Enum.TryParse<ExploreComparison>(e.Value as string, true, out var c) ? c : ExploreComparison.None });

    // A new range keeps the bucket only when it still suits it. The preset already shown is asked again: its "now" moved.
    private async Task ChoosePreset(string preset)
    {
        _editingCustom = false;
        if (!_state.IsCustomRange && _state.Preset == preset && _catalog is not null)
        {
            _loadedQuery = null;
            await AnswerAddressAsync();
            return;
        }

        var next = _state with { Preset = preset, From = null, To = null };
        Go(next with { Bucket = next.Bucket is { } b && ExploreDurations.Fits(next.RangeLength, b) ? b : null });
    }

    private void EditCustom()
    {
        _editingCustom = true;
        SetCustomInputs(_state);
    }

    private void ApplyCustom()
    {
        if (!TryParseInput(_customFrom, out var from) || !TryParseInput(_customTo, out var to) || to <= from)
        {
            _failure = L["Failure.CustomRange"];
            return;
        }

        _editingCustom = false;
        var next = _state with { Preset = null, From = from, To = to };
        Go(next with { Bucket = next.Bucket is { } b && ExploreDurations.Fits(next.RangeLength, b) ? b : null });
    }

    private void SetCustomInputs(ExploreState state)
    {
        var (from, to) = state.ResolveRange(Time.GetUtcNow());
        _customFrom = Zone.Format(from, InputTimeFormat, CultureInfo.InvariantCulture);
        _customTo = Zone.Format(to, InputTimeFormat, CultureInfo.InvariantCulture);
    }

    // A time the clock skips (daylight saving starts) is no time at all: the range is refused as unreadable.
    private bool TryParseInput(string text, out DateTimeOffset time)
    {
        time = default;
        return DateTime.TryParseExact(text, InputTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && Zone.TryFromLocal(local, out time);
    }

    private void ChangeFilter(string key, IReadOnlyList<string> values)
    {
        var filters = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (k, v) in _state.Filters.Where(f => f.Key != key))
        {
            filters[k] = v;
        }

        if (values.Count > 0)
        {
            filters[key] = values;
        }

        Go(_state with { Filters = filters });
    }

    private void ToggleDimension(string key)
    {
        var dimensions = _state.EffectiveDimensions.ToList();
        if (!dimensions.Remove(key))
        {
            dimensions.Add(key);
        }

        Go(_state with { Dimensions = dimensions });
    }

    private string Problem(ExploreProblem problem) => L[problem.Key, [.. problem.Args]];

    private string TimeText(DateTimeOffset time) => Zone.Format(time, "g", CultureInfo.CurrentCulture);

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private string RangeText => _result is null ? "" : L["Summary.Range", TimeText(_result.From), TimeText(_result.To), ZoneText(_result.From, _result.To)];

    // "UTC+8" for a zone without daylight saving; else its name and offset, both offsets when the range crosses a change.
    private string ZoneText(DateTimeOffset from, DateTimeOffset to)
    {
        if (!Zone.ObservesDaylightSaving)
        {
            return Zone.ShortName;
        }

        var (start, end) = (Zone.OffsetAt(from), Zone.OffsetAt(to));
        return Zone.Id + ", " + (start == end ? start : start + " → " + end);
    }

    private string PresetLabel(string preset) => L["Preset." + preset];

    // Tag keys are data; the known ones have a translated name.
    private string TagKeyLabel(string key) => L["Tag." + key] is { ResourceNotFound: false } name ? name.Value : key;
}
