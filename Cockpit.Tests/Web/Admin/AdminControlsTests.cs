using System.Globalization;
using Bunit;
using Cockpit.Alerting.Silences;
using Cockpit.Detection;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Http.Tokens;
using Cockpit.Ingest.Write;
using Cockpit.Tests.Alerting.Lifecycle;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls.Admin;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Reactive.Concurrency;

namespace Cockpit.Tests.Web.Admin;

/// <summary>The admin screens on real stores: tokens shown once, revoked, silences expired — and only by an admin.</summary>
public sealed class AdminControlsTests : BunitContext
{
    private const string Evil = "<img src=x onerror=alert(1)>";
    private readonly TempDirectory _data = new();
    private readonly AlertBookHarness _alerts = new();
    private readonly IngestTokenStore _tokens;

    public AdminControlsTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var ingest = Options.Create(new IngestOptions { Tokens = [new IngestToken { Name = "telegraf", Secret = "configured-secret-0123456789" }] });
        _tokens = new IngestTokenStore(Options.Create(new CockpitOptions { DataDir = _data.Path }), ingest, new FakeTimeProvider(Points.Monday));
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(_tokens);
        Services.AddSingleton(ingest);
        Services.AddSingleton<ISilenceBook>(_alerts.Silences);
        Services.AddSingleton<IScheduler>(_alerts.Scheduler);
        Services.AddSingleton<IRuleCatalog>(MemoryRuleStore.Catalog(new DetectionOptions
        {
            Rules =
            [
                new DetectionRuleOptions { Name = "complaint-surge", Measurement = "complaints", Field = "count", GroupBy = ["region"], Bucket = TimeSpan.FromMinutes(1), Detector = DetectorKind.Surge, PendingPoints = 2 },
                new DetectionRuleOptions { Name = "network-outage", Measurement = "network", Field = "outages", Detector = DetectorKind.Threshold, Enabled = false },
            ],
        }));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _alerts.Dispose();
            SqliteConnection.ClearAllPools();
            _data.Dispose();
        }

        base.Dispose(disposing);
    }

    private void SignIn(string role) => AddAuthorization().SetAuthorized("admin.zhang").SetRoles(role);

    [Fact]
    public void Tokens_AdminCreates_SecretShownOnceThenHiddenAndTheTokenWorks()
    {
        SignIn("admin");
        var panel = Render<IngestTokensPanel>();

        panel.Find("input[name=token-name]").Change("telegraf-tianhe");
        panel.Find("form").Submit();

        var secret = panel.Find(".secret-value").TextContent;
        Assert.StartsWith(IngestTokenStore.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.Equal("telegraf-tianhe", _tokens.Match(System.Text.Encoding.UTF8.GetBytes(secret)));
        Assert.Contains("will not be shown again", panel.Find(".admin-secret").TextContent, StringComparison.Ordinal);
        Assert.Equal(["telegraf", "telegraf-tianhe"], panel.FindAll("tr[data-token]").Select(r => r.GetAttribute("data-token")));

        panel.Find(".admin-secret button").Click();
        Assert.Empty(panel.FindAll(".secret-value"));
        Assert.DoesNotContain(secret, panel.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_AdminRevokes_RowSaysWhoAndTheSecretStopsWorking()
    {
        SignIn("admin");
        var (_, secret, _) = _tokens.Create("replay-lab", "admin.li");
        var panel = Render<IngestTokensPanel>();

        panel.Find("tr[data-token=replay-lab] button").Click();

        Assert.Contains("revoked by admin.zhang", panel.Find("tr[data-token=replay-lab]").TextContent, StringComparison.Ordinal);
        Assert.Null(_tokens.Match(System.Text.Encoding.UTF8.GetBytes(secret!)));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("oncall")]
    [InlineData("analyst")]
    public void Tokens_NonAdmin_CannotCreateEvenWithACraftedSubmit(string role)
    {
        SignIn(role);
        var panel = Render<IngestTokensPanel>();

        panel.Find("input[name=token-name]").Change("sneaky");
        panel.Find("form").Submit();

        Assert.Equal("Only admins can do this.", panel.Find(".admin-error").TextContent);
        Assert.Empty(_tokens.List());
    }

    [Fact]
    public void Tokens_BadName_ReasonShownAsText()
    {
        SignIn("admin");
        var panel = Render<IngestTokensPanel>();

        panel.Find("input[name=token-name]").Change(Evil);
        panel.Find("form").Submit();

        Assert.Contains("letters, digits", panel.Find(".admin-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("img"));
    }

    [Fact]
    public void Silences_AdminExpiresOne_CommentShownAsText()
    {
        SignIn("admin");
        LabelMatcherParser.TryParse("region=tianhe", out var matcher, out _);
        var silence = _alerts.Silences.Create(new SilenceRequest([matcher!], null, _alerts.Now.AddHours(2), Evil), "li.wei").Silence!;
        var list = Render<SilenceAdminList>();
        Assert.Empty(list.FindAll("img"));
        Assert.Contains(Evil, list.Find($"tr[data-silence='{silence.Id}']").TextContent, StringComparison.Ordinal);

        list.Find($"tr[data-silence='{silence.Id}'] button").Click();

        Assert.Equal(SilenceState.Expired, _alerts.Silences.Find(silence.Id)!.StateAt(_alerts.Now));
        Assert.Equal("admin.zhang", _alerts.Silences.Find(silence.Id)!.ExpiredBy);
        Assert.Contains("has ended", list.Find(".admin-message").TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll($"tr[data-silence='{silence.Id}'] button"));
    }

    [Fact]
    public void Silences_OnCallClicksExpire_Refused()
    {
        SignIn("oncall");
        LabelMatcherParser.TryParse("region=tianhe", out var matcher, out _);
        var silence = _alerts.Silences.Create(new SilenceRequest([matcher!], null, _alerts.Now.AddHours(2), "maintenance"), "li.wei").Silence!;
        var list = Render<SilenceAdminList>();

        list.Find($"tr[data-silence='{silence.Id}'] button").Click();

        Assert.Equal(SilenceState.Active, _alerts.Silences.Find(silence.Id)!.StateAt(_alerts.Now));
        Assert.Equal("Only admins can do this.", list.Find(".admin-message").TextContent);
    }

    [Fact]
    public void Rules_ListedWithWhatTheyWatchAndWhetherEnabled()
    {
        SignIn("admin");
        var table = Render<RulesTable>();

        var rows = table.FindAll("tr[data-rule]");
        Assert.Equal(["complaint-surge", "network-outage"], rows.Select(r => r.GetAttribute("data-rule")));
        Assert.Contains("complaints.count", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("after 2 anomalous, 3 calm values", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("no", rows[1].QuerySelectorAll("td")[7].TextContent.Trim());
        Assert.Equal("configuration", rows[1].QuerySelector(".rule-origin")!.TextContent.Trim());
    }

    [Fact]
    public void Rules_InChinese_HeadersAndTimingFromTheChineseResources()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        SignIn("admin");
        var table = Render<RulesTable>();

        Assert.Contains("检测器", table.Find("thead").TextContent, StringComparison.Ordinal);
        Assert.Contains("2 个异常值后触发", table.Find("tr[data-rule=complaint-surge]").TextContent, StringComparison.Ordinal);
    }
}
