using System.Net;
using Cockpit.Tests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cockpit.Tests.Web.Localization;

/// <summary>The UI follows the browser's language, a person can switch it, and the choice is remembered in a cookie.</summary>
public sealed class CultureTests : IDisposable
{
    private readonly CockpitWebFactory _factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Switch_ToChinese_SetsTheCultureCookieForAYearAndGoesBack()
    {
        using var client = Client();

        using var response = await client.GetAsync("/culture?c=zh-CN&redirect=%2Falerts%3Fstate%3Dfiring");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/alerts?state=firing", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task Switch_RedirectElsewhere_GoesHomeInstead(string redirect)
    {
        using var client = Client();

        using var response = await client.GetAsync("/culture?c=en&redirect=" + Uri.EscapeDataString(redirect));

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Switch_UnknownLanguage_BadRequestNamingTheChoices()
    {
        using var client = Client();

        using var response = await client.GetAsync("/culture?c=fr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("en, zh-CN", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", null, "告警", "客户服务 · 广州")]
    [InlineData("en-US,en;q=0.9", null, ">Alerts<", "Customer service · Guangzhou")]
    [InlineData("en-US,en;q=0.9", "c=zh-CN|uic=zh-CN", "告警", "客户服务 · 广州")]
    public async Task Page_FollowsTheBrowserUnlessTheCookieSaysOtherwise(string acceptLanguage, string? cookie, string link, string organisation)
    {
        using var client = Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/alerts");
        request.Headers.Add("Accept-Language", acceptLanguage);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cookie));
        }

        using var response = await client.SendAsync(request);
        // The HTML encoder writes non-ASCII text as character references.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains(link, html, StringComparison.Ordinal);
        Assert.Contains(organisation, html, StringComparison.Ordinal);
    }
}
