using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cockpit.Tests.Grafana;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Web.Explore;

/// <summary>
/// Cockpit's real host (simulator off) holding <see cref="ExploreStoreScenario"/>'s history, written through
/// <c>/write</c> as a deployment writes it. The current period ends at the last full hour before now, so retention
/// never touches it.
/// </summary>
public static class ExploreHost
{
    private const string DemoIngestToken = "cockpit-demo-ingest-token";

    public static CockpitWebFactory Create() => new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    /// <summary>The current period's start for a host started now.</summary>
    public static DateTimeOffset PeriodStart(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, TimeSpan.Zero).AddHours(-3);
    }

    /// <summary>The explore query of the period starting at <paramref name="from"/>, compared with the week before.</summary>
    public static string Query(DateTimeOffset from, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $"m=complaints&field=count&from={from:yyyy-MM-ddTHH}%3A00%3A00Z&to={from.AddHours(2):yyyy-MM-ddTHH}%3A00%3A00Z&cmp=week") + extra;

    /// <summary>Posts the scenario's history and waits until the store answers with all of it.</summary>
    public static async Task WriteAsync(HttpClient client, DateTimeOffset from)
    {
        var body = new StringBuilder();
        LineProtocolLines.Append(body, ExploreStoreScenario.History(from));
        using var request = new HttpRequestMessage(HttpMethod.Post, "write?precision=ns")
        {
            Content = new StringContent(body.ToString(), Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", DemoIngestToken);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        // Visible once the store has flushed it: both hours complete, now and a week before.
        await Eventually.Get(
            async () =>
            {
                using var csv = new HttpRequestMessage(HttpMethod.Get, "explore.csv?" + Query(from, "&bucket=1h&by=none"));
                csv.Headers.Authorization = CockpitWebFactory.ApiBearer("analyst");
                using var answer = await client.SendAsync(csv);
                var text = await answer.Content.ReadAsStringAsync();
                return text.Split(",count,2880,1560\r\n").Length == 3 ? text : null;
            },
            TimeSpan.FromSeconds(20),
            "the written history in the store");
    }
}
