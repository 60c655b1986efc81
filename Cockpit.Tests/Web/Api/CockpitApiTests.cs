using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Web.Api;

public sealed class CockpitApiTests : IDisposable
{
    private readonly CockpitWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Root_Get_RendersTheWall()
    {
        // The wall is for signed-in users of any role; a viewer's bearer token is one way in.
        using var client = _factory.CreateApiClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("Complaints per minute by district", html, StringComparison.Ordinal);
        Assert.Contains("Business success rate", html, StringComparison.Ordinal);
        Assert.Contains("lib/apexcharts/apexcharts.min", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Series_SimulatorRunning_ListsEverySimulatedSeries()
    {
        using var client = _factory.CreateApiClient();

        var series = await Eventually.Get(
            async () =>
            {
                var list = await client.GetFromJsonAsync<JsonElement[]>("/api/series");
                return list is { Length: >= 440 } ? list : null;
            },
            TimeSpan.FromSeconds(60),
            "/api/series to list the simulated series");

        var complaint = series.First(s => s.GetProperty("measurement").GetString() == "complaints");
        Assert.Equal("count", complaint.GetProperty("field").GetString());
        Assert.True(complaint.GetProperty("pointCount").GetInt64() > 0);
        Assert.Equal(3, complaint.GetProperty("tags").EnumerateObject().Count());
        Assert.True(complaint.GetProperty("lastTimestamp").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);

        var network = await client.GetFromJsonAsync<JsonElement[]>("/api/series?measurement=network");
        Assert.NotNull(network);
        Assert.NotEmpty(network);
        Assert.All(network, s => Assert.Equal("network", s.GetProperty("measurement").GetString()));
    }

    [Fact]
    public async Task Alerts_SimulatedSurge_FiringAlertForItsDistrict()
    {
        using var client = _factory.CreateApiClient();

        var alerts = await Eventually.Get(
            async () =>
            {
                var list = await client.GetFromJsonAsync<JsonElement[]>("/api/alerts?state=firing");
                var surges = list?.Where(a => a.GetProperty("rule").GetString() == "complaint-surge").ToArray();
                return surges is { Length: > 0 } ? surges : null;
            },
            TimeSpan.FromSeconds(90),
            "a firing alert from the simulated complaint surge");

        var alert = alerts[0];
        Assert.Equal("firing", alert.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(alert.GetProperty("tags").GetProperty("region").GetString()));
        Assert.True(alert.GetProperty("id").GetInt64() > 0);
        Assert.Contains(alert.GetProperty("severity").GetString(), new[] { "warning", "critical" });
        Assert.True(alert.GetProperty("updatedAt").GetDateTimeOffset() >= alert.GetProperty("startsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Healthz_Running_ReportsBusAndSimulator()
    {
        using var client = _factory.CreateClient();

        var health = await Eventually.Get(
            async () =>
            {
                var body = await client.GetFromJsonAsync<JsonElement>("/healthz");
                return body.GetProperty("simulator").GetProperty("ticks").GetInt64() > 0
                    && body.GetProperty("detection").GetProperty("points").GetInt64() > 0 ? (object)body : null;
            },
            TimeSpan.FromSeconds(30),
            "the simulator to tick and detection to see its points");

        var json = (JsonElement)health;
        Assert.Equal("ok", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("bus").GetProperty("accepted").GetInt64() > 0);
        Assert.Equal("embedded", json.GetProperty("store").GetProperty("kind").GetString());
        Assert.True(json.GetProperty("store").GetProperty("embedded").GetProperty("seriesInMemory").GetInt32() > 0);
        var detection = json.GetProperty("detection");
        Assert.True(detection.GetProperty("subjects").GetInt32() > 0);
        Assert.Equal(0, detection.GetProperty("skippedPoints").GetInt64());
    }
}
