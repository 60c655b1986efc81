using System.Globalization;
using System.Text.RegularExpressions;
using Cockpit.Tests.Grafana;
using Cockpit.Tests.Web.Controls;
using Cockpit.Web.Localization;

namespace Cockpit.Tests.Web.Localization;

public sealed partial class ViewerCultureTests
{
    private static readonly string Components = Path.Combine(Path.GetDirectoryName(GrafanaFiles.Root)!, "Cockpit.Web", "Components");

    // A component that renders from a push: it subscribes to something, handles an event, schedules work or starts a timer.
    [GeneratedRegex(@"\.Subscribe\(|SubscribeThrottled\(|SchedulePeriodic\(|\w \+= On\w+;|CreateTimer\(")]
    private static partial Regex PushSource();

    // The component's own InvokeAsync called directly (not JS.InvokeAsync, not handed to ViewerCulture).
    [GeneratedRegex(@"(?<![.\w])InvokeAsync\(")]
    private static partial Regex BareInvoke();

    public static TheoryData<string> PushedComponents() => [.. PushedComponentFiles()];

    private static List<string> PushedComponentFiles() =>
        [.. Directory.EnumerateFiles(Components, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".razor.cs", StringComparison.Ordinal))
            .Where(f => PushSource().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Components, f))
            .Order(StringComparer.Ordinal)];

    /// <summary>What is wrong with a component's source that renders from pushes; empty when nothing.</summary>
    internal static IReadOnlyList<string> Problems(string source)
    {
        var problems = new List<string>();
        if (!source.Contains("ViewerCulture.Capture()", StringComparison.Ordinal))
        {
            problems.Add("does not capture the viewer's culture (ViewerCulture.Capture() in OnInitialized)");
        }

        problems.AddRange(BareInvoke().Matches(source).Select(m => $"calls InvokeAsync( directly at {m.Index}; use _viewer.InvokeAsync(InvokeAsync, ...)"));
        return problems;
    }

    [Fact]
    public void PushedComponents_TheKnownOnesAreFound()
    {
        var found = PushedComponentFiles();

        Assert.Contains(Path.Combine("Pages", "Wall.razor.cs"), found);
        Assert.Contains(Path.Combine("Pages", "Alerts.razor.cs"), found);
        Assert.Contains(Path.Combine("Pages", "AlertDetail.razor.cs"), found);
        Assert.Contains(Path.Combine("Controls", "Alerts", "AlertChartPanel.razor.cs"), found);
        Assert.Contains(Path.Combine("Controls", "Admin", "RulesTable.razor"), found);
        Assert.Contains(Path.Combine("Controls", "Admin", "UsersPanel.razor.cs"), found);
        Assert.Contains(Path.Combine("Controls", "Admin", "IngestSourcesPanel.razor.cs"), found);
    }

    // Guards components added later (other pages, admin panels) against the bug the push tests show on the known ones;
    // it caught the rules table, the users panel and the ingest sources panel as they were merged.
    [Theory]
    [MemberData(nameof(PushedComponents))]
    public void PushedComponent_RendersInTheViewersCulture(string relative)
    {
        Assert.Empty(Problems(File.ReadAllText(Path.Combine(Components, relative))));
    }

    [Fact]
    public void Problems_BareInvokeWithoutCapture_BothNamed()
    {
        var problems = Problems("_sub = Book.SubscribeThrottled(() => _ = InvokeAsync(StateHasChanged));");

        Assert.Equal(2, problems.Count);
        Assert.Empty(Problems("_viewer = ViewerCulture.Capture(); _ = _viewer.InvokeAsync(InvokeAsync, StateHasChanged); await JS.InvokeAsync<int>(\"x\");"));
    }

    [Fact]
    public async Task Run_OnAThreadInAnotherCulture_ViewersCulturesInsideThreadsAfter()
    {
        ViewerCulture viewer;
        using (new CultureScope("zh-CN"))
        {
            viewer = ViewerCulture.Capture();
        }

        var (inside, after) = await Task.Run(() =>
        {
            using var server = new CultureScope("de-DE");
            var seen = "";
            viewer.Run(() => seen = CultureInfo.CurrentCulture.Name + "/" + CultureInfo.CurrentUICulture.Name);
            return (seen, CultureInfo.CurrentCulture.Name + "/" + CultureInfo.CurrentUICulture.Name);
        });

        Assert.Equal("zh-CN/zh-CN", inside);
        Assert.Equal("de-DE/de-DE", after);
    }

    [Fact]
    public void Run_ActionThrows_ThreadsCulturesRestored()
    {
        using var server = new CultureScope("de-DE");
        var viewer = CaptureIn("en");

        Assert.Throws<InvalidOperationException>(() => viewer.Run(() => throw new InvalidOperationException()));

        Assert.Equal("de-DE", CultureInfo.CurrentCulture.Name);
        Assert.Equal("de-DE", CultureInfo.CurrentUICulture.Name);
    }

    [Fact]
    public async Task RunAsync_AfterAnAwait_StillTheViewersThenTheThreadsAgain()
    {
        using var server = new CultureScope("en-US");
        var viewer = CaptureIn("zh-CN");
        var seen = new List<string>();

        await viewer.RunAsync(async () =>
        {
            seen.Add(CultureInfo.CurrentUICulture.Name);
            await Task.Yield();
            seen.Add(CultureInfo.CurrentUICulture.Name + " " + 1234.5.ToString("N1", CultureInfo.CurrentCulture));
        });

        Assert.Equal(["zh-CN", "zh-CN 1,234.5"], seen);
        Assert.Equal("en-US", CultureInfo.CurrentUICulture.Name);
    }

    [Fact]
    public async Task InvokeAsync_RunsTheActionThroughTheGivenDispatcherInTheViewersCulture()
    {
        using var server = new CultureScope("en-US");
        var viewer = CaptureIn("de-DE");
        var dispatched = 0;
        var text = "";

        await viewer.InvokeAsync(
            action =>
            {
                dispatched++;
                action();
                return Task.CompletedTask;
            },
            () => text = 0.9.ToString("0.00", CultureInfo.CurrentCulture));

        Assert.Equal(1, dispatched);
        Assert.Equal("0,90", text);
    }

    private static ViewerCulture CaptureIn(string name)
    {
        using var scope = new CultureScope(name);
        return ViewerCulture.Capture();
    }
}
