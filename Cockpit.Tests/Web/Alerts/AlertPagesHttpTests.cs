using System.Net;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Alerts;

/// <summary>
/// The pages as the notification links reach them: plain GETs to the real host (simulator off), answered by the
/// server-side prerender before any circuit exists.
/// </summary>
public sealed class AlertPagesHttpTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly CockpitWebFactory _factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    public void Dispose() => _factory.Dispose();

    private long Fire(string region, double expected = 20)
    {
        _factory.Services.GetRequiredService<IAlertSignalSink>().Accept(new AlertSignal(
            "complaint-surge", "complaints", new Dictionary<string, string> { ["region"] = region }, Firing: true, AlertSeverity.Critical,
            $"Complaints in {region} surged", 120, expected, 0.95, Time));
        return _factory.Services.GetRequiredService<IAlertBook>().Snapshot().Single(a => a.Tags["region"] == region).Id;
    }

    private async Task<(HttpStatusCode Status, string Body)> Get(string path)
    {
        using var client = await _factory.CreateSignedInClientAsync();
        using var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GroupLink_EscapedMatchers_ListsTheGroupsAlertsOnly()
    {
        var tianhe = Fire("tianhe");
        var liwan = Fire("liwan");

        var (status, body) = await Get("/alerts?filter=" + Uri.EscapeDataString("{region=\"tianhe\",rule=\"complaint-surge\"}"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-alert-id=\"{tianhe}\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-alert-id=\"{liwan}\"", body, StringComparison.Ordinal);
        Assert.Contains($"href=\"alerts/{tianhe}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertLink_KnownId_200WithTheAlert()
    {
        var id = Fire("tianhe", expected: double.NaN);

        var (status, body) = await Get($"/alerts/{id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Complaints in tianhe surged", body, StringComparison.Ordinal);
        Assert.Matches("data-field=\"score\"[^>]*>0.95</dd>", body);
        Assert.DoesNotContain("NaN", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertLink_UnknownId_404WithPlainMessage()
    {
        var (status, body) = await Get("/alerts/987654");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No alert 987654.", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/alerts?filter=%7Bregion%3D%22tianhe", "opens &#x27;{&#x27; but does not close it")]
    [InlineData("/alerts?filter=%7Brule%3D~%22(%22%7D", "bad regular expression")]
    [InlineData("/alerts?state=burning", "Unknown state &#x27;burning&#x27;")]
    public async Task MalformedQuery_200WithPlainMessage(string path, string expected)
    {
        Fire("tianhe");

        var (status, body) = await Get(path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.DoesNotContain("data-alert-id", body, StringComparison.Ordinal);
    }
}
