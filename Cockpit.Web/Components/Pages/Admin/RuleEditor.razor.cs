using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Web.Components.Controls.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Cockpit.Web.Components.Pages.Admin;

/// <summary>
/// Edits one detection rule as the JSON of its configuration entry (every setting, nothing hidden behind a form that
/// lags the options class), or adds one (from a copy of <c>?from=</c> another rule). Check shows the problems and what
/// a save would do to what detectors learnt; Save refuses if another admin changed the rule since it was opened.
/// Every action checks on the server that the caller is an admin.
/// </summary>
public sealed partial class RuleEditor
{
    private const string TemplateRule = "complaint-surge";

    private CatalogRule? _current;
    private string _json = "";
    private string _baseline = "";
    private string? _configuredJson;
    private IReadOnlyList<string> _problems = [];
    private IReadOnlyList<RuleHistoryEntry> _history = [];
    private string? _status;
    private bool _missing;
    private int _openAlerts;
    private Confirm _confirm;

    private enum Confirm
    {
        None,
        Reset,
        Delete,
    }

    /// <summary>The rule's name; null on <c>/admin/rules/new</c>.</summary>
    [Parameter]
    public string? Name { get; set; }

    /// <summary>On <c>/admin/rules/new</c>: the rule to start from.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [Inject]
    private IRuleCatalog Catalog { get; set; } = default!;

    [Inject]
    private IAlertBook Alerts { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<RuleEditor> L { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthState { get; set; }

    private bool IsNew => Name is null;

    private string Title => IsNew ? L["NewTitle"] : L["Title", Name!];

    protected override void OnParametersSet() => Load();

    private void Load()
    {
        (_problems, _status, _confirm, _missing) = ([], null, Confirm.None, false);
        if (IsNew)
        {
            _current = null;
            var template = Catalog.Find(From ?? TemplateRule)?.Options ?? Catalog.Rules.FirstOrDefault()?.Options;
            var copy = template is null ? new Detection.Rules.DetectionRuleOptions() : RuleJson.Copy(template);
            copy.Name = template is null ? "new-rule" : template.Name + "-copy";
            _json = RuleJson.WriteCompact(copy);
            (_baseline, _configuredJson, _history, _openAlerts) = ("", null, [], 0);
            return;
        }

        _current = Catalog.Find(Name!);
        if (_current is null)
        {
            _missing = true;
            return;
        }

        _json = RuleJson.WriteCompact(_current.Options);
        _baseline = RuleJson.Write(_current.Options);
        _configuredJson = _current.Origin == RuleOrigin.Edited && Catalog.Configured(Name!) is { } configured ? RuleJson.WriteCompact(configured) : null;
        _history = Catalog.History(Name, 20);
        _openAlerts = Alerts.Snapshot().Count(a => a.Rule == Name && a.Status is AlertStatus.Firing or AlertStatus.Acknowledged);
    }

    private void Check()
    {
        var (impact, problems) = Catalog.Preview(_json, Name);
        _problems = problems;
        _status = problems.Count > 0 ? null : ImpactText(impact, saved: false);
    }

    private async Task SaveAsync()
    {
        if (await AdminActor.AdminNameAsync(AuthState) is not { } admin)
        {
            (_problems, _status) = ([L["NotAllowed"]], null);
            return;
        }

        if (!IsNew && Catalog.Find(Name!) is { } now && RuleJson.Write(now.Options) != _baseline)
        {
            (_problems, _status) = ([L["ChangedMeanwhile", now.ChangedBy ?? "?"]], null);
            return;
        }

        var result = Catalog.Save(_json, Name, admin);
        if (!result.Succeeded)
        {
            (_problems, _status) = (result.Problems, null);
            return;
        }

        if (IsNew)
        {
            Navigation.NavigateTo($"admin/rules/{Uri.EscapeDataString(result.Rule!.Name)}");
            return;
        }

        Load();
        _status = ImpactText(result.Impact, saved: true);
    }

    private async Task ResetAsync()
    {
        if (await AdminActor.AdminNameAsync(AuthState) is not { } admin)
        {
            (_problems, _status) = ([L["NotAllowed"]], null);
            return;
        }

        var result = Catalog.Reset(Name!, admin);
        Load();
        if (result.Succeeded)
        {
            _status = ImpactText(result.Impact, saved: true);
        }
        else
        {
            _problems = result.Problems;
        }
    }

    private async Task DeleteAsync()
    {
        if (await AdminActor.AdminNameAsync(AuthState) is not { } admin)
        {
            (_problems, _status) = ([L["NotAllowed"]], null);
            return;
        }

        var result = Catalog.Delete(Name!, admin);
        if (result.Succeeded)
        {
            Navigation.NavigateTo("admin#rules");
            return;
        }

        (_problems, _confirm) = (result.Problems, Confirm.None);
    }

    private string ImpactText(RuleImpact impact, bool saved) => (impact, saved) switch
    {
        (RuleImpact.None, true) => L["SavedNoChange"],
        (RuleImpact.None, false) => L["CheckNoChange"],
        (RuleImpact.AlertingOnly, true) => L["SavedAlertingOnly"],
        (RuleImpact.AlertingOnly, false) => L["CheckAlertingOnly"],
        (_, true) => L["SavedRelearn"],
        (_, false) => IsNew ? L["CheckNew"] : L["CheckRelearn", _openAlerts],
    };

    private static string Readable(string storedJson) => RuleJson.Read(storedJson).Rule is { } rule ? RuleJson.WriteCompact(rule) : storedJson;

    private string ActionText(RuleChangeAction action) => L["Action" + action];
}
