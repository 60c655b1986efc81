using System.Globalization;
using Bunit;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Detection;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Tests.Alerting.Lifecycle;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls.Admin;
using Cockpit.Web.Components.Pages.Admin;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Admin;

/// <summary>The rule editor and the rules table, on a real catalog: what admins can change, and that nobody else can.</summary>
public sealed class RuleEditingTests : BunitContext
{
    private const string Evil = "<img src=x onerror=alert(1)>";
    private readonly AlertBookHarness _alerts = new();
    private readonly RuleCatalog _catalog = MemoryRuleStore.Catalog(new DetectionOptions
    {
        Rules =
        [
            new DetectionRuleOptions { Name = "complaint-surge", Measurement = "complaints", Field = "count", GroupBy = ["region"], Bucket = TimeSpan.FromMinutes(1), Detector = DetectorKind.Surge, PendingPoints = 2 },
            new DetectionRuleOptions { Name = "latency-high", Measurement = "network", Field = "latency_ms", Detector = DetectorKind.Threshold, Threshold = new ThresholdDetectorOptions { Above = 100, RecoverBelow = 80 } },
        ],
    });

    public RuleEditingTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(Cockpit.Tests.Testing.DisplayZones.Shanghai);
        Services.AddSingleton<IRuleCatalog>(_catalog);
        Services.AddSingleton<IAlertBook>(_alerts.Book);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _catalog.Dispose();
            _alerts.Dispose();
        }

        base.Dispose(disposing);
    }

    private void SignIn(string role) => AddAuthorization().SetAuthorized("admin.zhang").SetRoles(role);

    private IRenderedComponent<RuleEditor> Edit(string? name) =>
        Render<RuleEditor>(p => p.Add(e => e.Name, name));

    private static void Type(IRenderedComponent<RuleEditor> editor, Func<string, string> change)
    {
        var box = editor.Find("[data-testid=rule-json]");
        box.Input(change(box.GetAttribute("value") ?? box.TextContent));
    }

    [Fact]
    public void Editor_ShowsTheRuleAsConfigurationJson_AndItsOpenAlerts()
    {
        SignIn("admin");
        _alerts.Fire("latency-high");

        var editor = Edit("latency-high");

        var json = editor.Find("[data-testid=rule-json]").GetAttribute("value")!;
        Assert.Contains("\"Name\": \"latency-high\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Detector\": \"Threshold\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Surge", json, StringComparison.Ordinal);
        Assert.StartsWith("From configuration, unchanged.", editor.Find("[data-testid=rule-origin]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("· 1 open alerts", editor.Find("[data-testid=rule-open-alerts]").TextContent);
    }

    [Fact]
    public void CheckThenSave_AlertingOnlyChange_SaysDetectorsKeepWhatTheyLearnt_AndIsInForce()
    {
        SignIn("admin");
        var editor = Edit("complaint-surge");
        Type(editor, json => json.Replace("\"PendingPoints\": 2", "\"PendingPoints\": 5", StringComparison.Ordinal));

        editor.Find("[data-action=check]").Click();
        Assert.Contains("Only when the rule alerts changes", editor.Find("[data-testid=rule-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, _catalog.Find("complaint-surge")!.Options.PendingPoints);

        editor.Find("[data-action=save]").Click();

        Assert.Equal(5, _catalog.Find("complaint-surge")!.Options.PendingPoints);
        Assert.Equal(("admin.zhang", RuleOrigin.Edited), (_catalog.Find("complaint-surge")!.ChangedBy, _catalog.Find("complaint-surge")!.Origin));
        Assert.Contains("Detectors keep what they learnt", editor.Find("[data-testid=rule-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("changed · admin.zhang", editor.Find("[data-testid=rule-history]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_BadRule_ListsTheProblemsAsText_AndChangesNothing()
    {
        SignIn("admin");
        var editor = Edit("latency-high");
        Type(editor, json => json.Replace("\"Measurement\": \"network\"", $"\"Measurement\": \"network\", \"FireAbove\": 3, \"{Evil}\": 1", StringComparison.Ordinal));

        editor.Find("[data-action=save]").Click();

        var problems = editor.Find("[data-testid=rule-problems]");
        Assert.Contains($"unknown property '{Evil}'", problems.TextContent, StringComparison.Ordinal);
        Assert.Empty(problems.QuerySelectorAll("img"));
        Assert.Equal(RuleOrigin.Configured, _catalog.Find("latency-high")!.Origin);
    }

    [Fact]
    public void Save_RuleChangedByAnotherAdminMeanwhile_IsRefused_KeepingWhatWasTyped()
    {
        SignIn("admin");
        var editor = Edit("latency-high");
        Type(editor, json => json.Replace("\"Above\": 100", "\"Above\": 120", StringComparison.Ordinal));
        _catalog.SetEnabled("latency-high", false, "admin.li");

        editor.Find("[data-action=save]").Click();

        Assert.Contains("admin.li changed this rule after you opened it", editor.Find("[data-testid=rule-problems]").TextContent, StringComparison.Ordinal);
        Assert.Contains("\"Above\": 120", editor.Find("[data-testid=rule-json]").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal(100, _catalog.Find("latency-high")!.Options.Threshold!.Above);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("oncall")]
    [InlineData("analyst")]
    public void NonAdmin_WhoReachesTheEditor_CannotSaveResetOrToggle(string role)
    {
        SignIn(role);
        var editor = Edit("latency-high");
        Type(editor, json => json.Replace("\"Above\": 100", "\"Above\": 120", StringComparison.Ordinal));

        editor.Find("[data-action=save]").Click();
        var table = Render<RulesTable>();
        table.Find("tr[data-rule=latency-high] [data-action=toggle]").Click();

        Assert.Contains("Only admins change rules.", editor.Find("[data-testid=rule-problems]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Only admins change rules.", table.Find(".admin-error").TextContent, StringComparison.Ordinal);
        Assert.Equal((100.0, true, RuleOrigin.Configured), (_catalog.Find("latency-high")!.Options.Threshold!.Above!.Value, _catalog.Find("latency-high")!.Options.Enabled, _catalog.Find("latency-high")!.Origin));
    }

    [Fact]
    public void NewRule_StartsFromACopy_AndSavingAddsIt_ThenItCanBeDeletedAfterConfirming()
    {
        SignIn("admin");
        var navigation = Services.GetRequiredService<NavigationManager>();
        var editor = Render<RuleEditor>();
        Assert.Contains("\"Name\": \"complaint-surge-copy\"", editor.Find("[data-testid=rule-json]").GetAttribute("value"), StringComparison.Ordinal);

        editor.Find("[data-action=save]").Click();

        Assert.Equal(RuleOrigin.Added, _catalog.Find("complaint-surge-copy")!.Origin);
        Assert.EndsWith("admin/rules/complaint-surge-copy", navigation.Uri, StringComparison.Ordinal);
        var added = Edit("complaint-surge-copy");
        added.Find("[data-action=delete]").Click();
        Assert.NotNull(_catalog.Find("complaint-surge-copy"));
        added.Find("[data-action=confirm-delete]").Click();
        Assert.Null(_catalog.Find("complaint-surge-copy"));
    }

    [Fact]
    public void RulesTable_Toggle_DisablesTheRule_AndAChangeElsewhereShowsAtOnce()
    {
        SignIn("admin");
        var table = Render<RulesTable>();

        table.Find("tr[data-rule=latency-high] [data-action=toggle]").Click();
        Assert.False(_catalog.Find("latency-high")!.Options.Enabled);
        Assert.Contains("rule-off", table.Find("tr[data-rule=latency-high]").ClassName, StringComparison.Ordinal);

        _catalog.Save(RuleJson.Write(new DetectionRuleOptions { Name = "added-" + "x", Measurement = "network", Field = "loss_pct", Detector = DetectorKind.Threshold, Threshold = new() { Above = 5 } }), null, "admin.li");

        table.WaitForAssertion(() => Assert.Contains("added by admin.li", table.Find("tr[data-rule=added-x] .rule-origin").TextContent, StringComparison.Ordinal));
    }
}
