using Bunit;
using Cockpit.Alerting;
using Cockpit.Alerting.Channels;
using Cockpit.Tests.Web.Controls;
using Cockpit.Web.Components.Controls.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Admin;

/// <summary>The admin page's receivers table says which language each receiver's messages are in.</summary>
public sealed class AlertingSummaryTests : BunitContext
{
    public AlertingSummaryTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(Options.Create(new AlertingOptions
        {
            Receivers = [new ReceiverOptions { Name = "frontline" }, new ReceiverOptions { Name = "vendor", Language = "en" }],
        }));
    }

    [Theory]
    [InlineData("zh-CN", "消息语言", "中文", "English")]
    [InlineData("en", "Message language", "中文", "English")]
    public void Render_Receivers_TheirMessageLanguage_DefaultOrOwn(string culture, string heading, string frontline, string vendor)
    {
        using var scope = new CultureScope(culture);

        var summary = Render<AlertingSummary>();

        Assert.Contains(heading, summary.FindAll("table.receivers th").Select(t => t.TextContent));
        Assert.Equal([frontline, vendor], summary.FindAll("td[data-field='language']").Select(t => t.TextContent));
    }
}
