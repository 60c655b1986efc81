using System.Net;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Explore;

/// <summary>
/// The explore page and <c>GET /explore.csv</c> on the real host: roles, the prerendered page, the CSV itself, and
/// plain messages for bad queries.
/// </summary>
public sealed class ExploreHttpTests : IAsyncLifetime
{
    private readonly CockpitWebFactory _factory = ExploreHost.Create();
    private HttpClient _client = default!;
    private DateTimeOffset _from;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        _from = ExploreHost.PeriodStart(_factory.Services.GetRequiredService<TimeProvider>());
        await ExploreHost.WriteAsync(_client, _from);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<HttpResponseMessage> GetAsync(string query, string? role = ApiRoles.Analyst, string path = "explore.csv")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path + "?" + query);
        if (role is not null)
        {
            request.Headers.Authorization = CockpitWebFactory.ApiBearer(role);
        }

        return await _client.SendAsync(request);
    }

    private string Time(int minutes) => _from.AddMinutes(minutes).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(ApiRoles.Analyst)]
    [InlineData(ApiRoles.Admin)]
    [InlineData(ApiRoles.OnCall)]
    public async Task Get_ExploreRole_CsvOfTheLines(string role)
    {
        using var response = await GetAsync(ExploreHost.Query(_from, "&bucket=1h"), role);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.StartsWith("cockpit-complaints-count-", response.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        var rows = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal(
            [
                "time,series,value,comparison_value",
                $"{Time(0)},haizhu,120,180", $"{Time(60)},haizhu,120,180",
                $"{Time(0)},liwan,600,480", $"{Time(60)},liwan,600,480",
                $"{Time(0)},tianhe,2160,900", $"{Time(60)},tianhe,2160,900",
                "",
            ],
            rows);
    }

    [Fact]
    public async Task Get_GroupedByChannel_TagValuesStayText()
    {
        using var response = await GetAsync(ExploreHost.Query(_from, "&bucket=1h&by=channel&region=haizhu"));

        Assert.Equal(
            $"time,series,value,comparison_value\r\n{Time(0)},{ExploreStoreScenario.Evil},120,180\r\n{Time(60)},{ExploreStoreScenario.Evil},120,180\r\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_Viewer_Forbidden()
    {
        using var response = await GetAsync(ExploreHost.Query(_from), ApiRoles.Viewer);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_Unauthorized()
    {
        using var response = await GetAsync(ExploreHost.Query(_from), role: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("&bucket=7m", "Unknown bucket '7m': use one of 1m, 5m, 15m, 1h, 1d.")]
    [InlineData("&m=nope", "Unknown measurement 'nope': the store has complaints.")]
    public async Task Get_BadQuery_400WithThePagesMessage(string extra, string message)
    {
        using var response = await GetAsync(ExploreHost.Query(_from, extra));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(message + "\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(ApiRoles.Analyst, HttpStatusCode.OK)]
    [InlineData(ApiRoles.OnCall, HttpStatusCode.OK)]
    [InlineData(ApiRoles.Viewer, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task GetPage_ByRole(string? role, HttpStatusCode status)
    {
        using var response = await GetAsync(ExploreHost.Query(_from), role, path: "explore");

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task GetPage_Prerendered_HeadlineAndEscapedTagValues()
    {
        using var response = await GetAsync(ExploreHost.Query(_from, "&dim=region&dim=category&dim=channel"), path: "explore");
        var html = await response.Content.ReadAsStringAsync();

        var text = WebUtility.HtmlDecode(html);

        Assert.Contains(">tianhe · broadband · hotline: 91 % of the surge</p>", text, StringComparison.Ordinal);
        Assert.Contains(">haizhu · billing · " + ExploreStoreScenario.Evil + "</td>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }
}
