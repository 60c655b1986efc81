using Cockpit.Detection;
using Cockpit.Detection.Detectors;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Configuration;
using Cockpit.Tests.Detection.Pipeline;
using Cockpit.Tests.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Detection.Rules;

/// <summary>The rules in force: configuration plus admins' changes, in a real SQLite file that outlives the process.</summary>
public sealed class RuleCatalogTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(Points.Monday);
    private readonly DetectionOptions _options = new()
    {
        Rules =
        [
            new DetectionRuleOptions { Name = "complaint-surge", Measurement = "complaints", Field = "count", GroupBy = ["region"], Bucket = TimeSpan.FromMinutes(1), Detector = DetectorKind.Surge, PendingPoints = 2 },
            new DetectionRuleOptions { Name = "latency-high", Measurement = "network", Field = "latency_ms", Detector = DetectorKind.Threshold, Threshold = new ThresholdDetectorOptions { Above = 100, RecoverBelow = 80 } },
        ],
    };

    private readonly List<RuleCatalog> _catalogs = [];

    public void Dispose()
    {
        _catalogs.ForEach(c => c.Dispose());
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public void Edit_IsInForceStoredAndSurvivesARestart()
    {
        var catalog = Open();
        var published = new List<IReadOnlyList<DetectionRuleOptions>>();
        using var _ = catalog.Changes.Subscribe(published.Add);

        var result = catalog.Save(Json("latency-high", r => r.Threshold!.Above = 150), "latency-high", "admin.zhang");

        Assert.True(result.Succeeded, string.Join(" ", result.Problems));
        Assert.Equal(RuleOrigin.Edited, catalog.Find("latency-high")!.Origin);
        Assert.Equal(150, catalog.Find("latency-high")!.Options.Threshold!.Above);
        Assert.Equal(150, Assert.Single(published)[1].Threshold!.Above);

        var reopened = Open();
        var rule = reopened.Find("latency-high")!;
        Assert.Equal((RuleOrigin.Edited, "admin.zhang", (DateTimeOffset?)Points.Monday, 150.0), (rule.Origin, rule.ChangedBy, rule.ChangedAt, rule.Options.Threshold!.Above!.Value));
        Assert.Equal(["complaint-surge", "latency-high"], reopened.Rules.Select(r => r.Name));
        Assert.Equal(100, reopened.Configured("latency-high")!.Threshold!.Above);
    }

    [Fact]
    public void AddedRule_ComesAfterTheConfiguredOnes_AndCanBeDeleted_ConfiguredCannot()
    {
        var catalog = Open();
        var added = catalog.Save(Json("latency-high", r => r.Name = "latency-critical"), null, "admin.zhang");
        Assert.True(added.Succeeded, string.Join(" ", added.Problems));
        Assert.Equal(["complaint-surge", "latency-high", "latency-critical"], catalog.Rules.Select(r => r.Name));
        Assert.Equal(RuleOrigin.Added, catalog.Find("latency-critical")!.Origin);

        var refused = catalog.Delete("latency-high", "admin.zhang");
        Assert.False(refused.Succeeded);
        Assert.Contains("comes from configuration", refused.Problems[0], StringComparison.Ordinal);

        Assert.True(catalog.Delete("latency-critical", "admin.li").Succeeded);
        Assert.Null(Open().Find("latency-critical"));
        Assert.Equal(
            [(RuleChangeAction.Deleted, "admin.li"), (RuleChangeAction.Added, "admin.zhang")],
            catalog.History("latency-critical").Select(h => (h.Action, h.By)));
    }

    [Fact]
    public void Reset_PutsConfigurationBackInForce()
    {
        var catalog = Open();
        catalog.SetEnabled("complaint-surge", false, "admin.zhang");
        Assert.False(catalog.Find("complaint-surge")!.Options.Enabled);

        var reset = catalog.Reset("complaint-surge", "admin.zhang");

        Assert.True(reset.Succeeded);
        Assert.Equal(RuleImpact.Relearn, reset.Impact);
        Assert.Equal((RuleOrigin.Configured, true), (catalog.Find("complaint-surge")!.Origin, catalog.Find("complaint-surge")!.Options.Enabled));
        Assert.Equal(RuleOrigin.Configured, Open().Find("complaint-surge")!.Origin);
        Assert.False(catalog.Reset("complaint-surge", "admin.zhang").Succeeded);
    }

    [Fact]
    public void Rename_AndDuplicateName_AreRefused_AndNothingChanges()
    {
        var catalog = Open();

        var renamed = catalog.Save(Json("latency-high", r => r.Name = "latency-renamed"), "latency-high", "admin.zhang");
        var duplicate = catalog.Save(Json("latency-high"), null, "admin.zhang");

        Assert.Contains("cannot change from 'latency-high' to 'latency-renamed'", Assert.Single(renamed.Problems), StringComparison.Ordinal);
        Assert.Contains("already a rule named 'latency-high'", Assert.Single(duplicate.Problems), StringComparison.Ordinal);
        Assert.All(catalog.Rules, r => Assert.Equal(RuleOrigin.Configured, r.Origin));
        Assert.Empty(catalog.History(null));
    }

    [Theory]
    [InlineData("{ \"Name\": \"x\",\n  \"FireAbove\": }", "Line 2, column")]
    [InlineData("{ \"Name\": \"x\", \"FireAbov\": 0.5 }", "unknown property 'FireAbov'")]
    [InlineData("{ \"Name\": \"x\", \"PendingFor\": \"five minutes\" }", "expected a duration like \"00:05:00\"")]
    [InlineData("{ \"Name\": \"x\", \"Detector\": \"Magic\" }", "(Detector): the value has the wrong type or is not one of the allowed names")]
    [InlineData("{ \"Name\": \"x\", \"FireAbove\": 7 }", "FireAbove: must be between 0.01 and 1")]
    [InlineData("{ \"Name\": \"x\", \"Surge\": { \"MinHistory\": -1 } }", "Surge.MinHistory: must be between")]
    [InlineData("{ \"Name\": \"Bad Name\" }", "Name: Rule names are lower-case letters")]
    [InlineData("{ \"Name\": \"x\", \"GroupBy\": [\"region\"] }", "It groups by region but has no Bucket")]
    [InlineData("{ \"Name\": \"x\", \"Detector\": \"Threshold\" }", "It is a Threshold rule without Threshold limits")]
    [InlineData("", "The rule is empty")]
    [InlineData("{ \"Name\": \"x\", \"FireAbove\": 0.6, \"FireAbove\": 0.7 }", "Duplicate")]
    public void BadRule_IsRefusedWithAProblemThatSaysWhatAndWhere(string json, string expected)
    {
        var catalog = Open();

        var result = catalog.Save(json, null, "admin.zhang");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Contains(expected, StringComparison.Ordinal));
        Assert.Null(catalog.Find("x"));
    }

    [Fact]
    public void Preview_SaysWhatASaveWouldDo_WithoutChangingAnything()
    {
        var catalog = Open();

        Assert.Equal(RuleImpact.AlertingOnly, catalog.Preview(Json("complaint-surge", r => r.PendingPoints = 4), "complaint-surge").Impact);
        Assert.Equal(RuleImpact.Relearn, catalog.Preview(Json("complaint-surge", r => r.Surge.EdgeZ = 6), "complaint-surge").Impact);
        Assert.Equal(RuleImpact.None, catalog.Preview(Json("complaint-surge"), "complaint-surge").Impact);
        Assert.Equal(2, catalog.Find("complaint-surge")!.Options.PendingPoints);
    }

    [Fact]
    public void StoredRuleThatNoLongerValidates_IsReportedAndConfigurationStaysInForce()
    {
        var store = new SqliteRuleStore(Options.Create(new CockpitOptions { DataDir = _data.Path }));
        store.Save(new StoredRule("latency-high", "{ \"Name\": \"latency-high\", \"Detector\": \"Threshold\" }", "admin.old", Points.Monday), RuleChangeAction.Edited);

        var catalog = Open();

        Assert.Equal(RuleOrigin.Configured, catalog.Find("latency-high")!.Origin);
        Assert.Contains("latency-high", Assert.Single(catalog.StartupProblems), StringComparison.Ordinal);
        Assert.Contains("without Threshold limits", catalog.StartupProblems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedRules_RoundTripThroughJsonUnchanged_AndPassTheEditorsChecks()
    {
        var shipped = DefaultRulesTests.Shipped();
        using var catalog = MemoryRuleStore.Catalog(shipped);
        foreach (var rule in shipped.Rules)
        {
            var json = RuleJson.Write(rule);
            var (read, error) = RuleJson.Read(json);
            Assert.Null(error);
            Assert.Equal(json, RuleJson.Write(read!));
            Assert.Equal(json, RuleJson.Write(RuleJson.Read(RuleJson.WriteCompact(rule)).Rule!));
            Assert.Equal((RuleImpact.None, 0), (catalog.Preview(json, rule.Name).Impact, catalog.Preview(json, rule.Name).Problems.Count));
        }
    }

    private string Json(string name, Action<DetectionRuleOptions>? change = null)
    {
        var rule = RuleJson.Copy(_options.Rules.Single(r => r.Name == name));
        change?.Invoke(rule);
        return RuleJson.Write(rule);
    }

    private RuleCatalog Open()
    {
        var catalog = new RuleCatalog(
            Options.Create(_options),
            new SqliteRuleStore(Options.Create(new CockpitOptions { DataDir = _data.Path })),
            _clock,
            NullLogger<RuleCatalog>.Instance);
        _catalogs.Add(catalog);
        return catalog;
    }
}
