using Bunit;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Controls.Alerts;

public sealed class DisplayTimeTests : BunitContext
{
    private IRenderedComponent<DisplayTime> Show(DateTimeOffset? value, bool seconds = false) =>
        Render<DisplayTime>(p => p.Add(t => t.Value, value).Add(t => t.Seconds, seconds));

    [Fact]
    public void Render_Shanghai_LocalTextUtcAttributeZoneTitle()
    {
        Services.AddSingleton(DisplayZones.Shanghai);

        var time = Show(new DateTimeOffset(2026, 11, 23, 16, 30, 5, TimeSpan.Zero), seconds: true).Find("time");

        Assert.Equal("2026-11-24 00:30:05", time.TextContent);
        Assert.Equal("2026-11-23T16:30:05Z", time.GetAttribute("datetime"));
        Assert.Equal("Asia/Shanghai (UTC+8)", time.GetAttribute("title"));
    }

    // CEST (UTC+2) ends at 01:00 UTC on 2026-10-25: the two instants read 02:30 local, each with its own offset.
    [Theory]
    [InlineData(0, "2026-10-25 02:30", "Europe/Berlin (UTC+2)")]
    [InlineData(1, "2026-10-25 02:30", "Europe/Berlin (UTC+1)")]
    [InlineData(2, "2026-10-25 03:30", "Europe/Berlin (UTC+1)")]
    public void Render_BerlinAcrossTheEndOfSummerTime_LocalTimeAndOffsetOfEachInstant(int utcHour, string text, string title)
    {
        Services.AddSingleton(DisplayZones.Berlin);

        var time = Show(new DateTimeOffset(2026, 10, 25, utcHour, 30, 0, TimeSpan.Zero)).Find("time");

        Assert.Equal(text, time.TextContent);
        Assert.Equal(title, time.GetAttribute("title"));
    }

    [Fact]
    public void Render_NoValue_Dash()
    {
        Services.AddSingleton(DisplayZones.Shanghai);

        Assert.Equal("—", Show(null).Find(".display-time-none").TextContent);
    }
}
