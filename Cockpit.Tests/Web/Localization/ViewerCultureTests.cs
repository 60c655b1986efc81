using System.Globalization;
using Cockpit.Tests.Web.Controls;
using Cockpit.Web.Localization;

namespace Cockpit.Tests.Web.Localization;

public sealed class ViewerCultureTests
{
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
