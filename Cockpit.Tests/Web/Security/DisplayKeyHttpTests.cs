using System.Net;
using Cockpit.Tests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cockpit.Tests.Web.Security;

/// <summary>A wall screen's key through the real host: it opens the wall, for a long time, and nothing else.</summary>
public sealed class DisplayKeyHttpTests : IDisposable
{
    private const string Secret = "lobby-tv-secret-0123456789";

    private readonly CockpitWebFactory _factory = new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .With("Cockpit:Display:Keys:0:Name", "lobby-tv")
        .With("Cockpit:Display:Keys:0:Secret", Secret);

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task KeyInTheWallUrl_SignsInWithALongLivedCookieAndDropsTheKeyFromTheUrl()
    {
        using var client = Client();

        using var response = await client.GetAsync("/?kiosk=1&key=" + Secret);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?kiosk=1", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("cockpit.session=", StringComparison.Ordinal));
        var expires = DateTimeOffset.Parse(System.Text.RegularExpressions.Regex.Match(cookie, "expires=([^;]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(expires > DateTimeOffset.UtcNow.AddDays(360), $"cookie expires {expires}");
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var wall = await client.GetAsync("/?kiosk=1");
        Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
        Assert.Contains("lobby-tv", await wall.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisplayPath_SignsInToo()
    {
        using var client = Client();

        using var response = await client.GetAsync("/display/" + Secret);
        using var wall = await client.GetAsync("/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, wall.StatusCode);
    }

    [Theory]
    [InlineData("/alerts")]
    [InlineData("/alerts/1")]
    [InlineData("/no-such-page")]
    public async Task DisplaySession_OtherPages_AccessDenied(string path)
    {
        using var client = Client();
        await client.GetAsync("/?key=" + Secret);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/access-denied?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var denied = await client.GetAsync(response.Headers.Location);
        Assert.Contains("opens the wall only", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisplaySession_Api_StillNeedsAToken()
    {
        using var client = Client();
        await client.GetAsync("/?key=" + Secret);

        using var response = await client.GetAsync("/api/alerts");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/?key=lobby-tv-secret-012345678")]
    [InlineData("/?key=")]
    [InlineData("/display/LOBBY-TV-SECRET-0123456789")]
    public async Task WrongKey_ToTheLoginPageWithoutTheKeyAndNoSession(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);
        using var wall = await client.GetAsync("/");

        Assert.Equal("/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, wall.StatusCode);
    }
}
