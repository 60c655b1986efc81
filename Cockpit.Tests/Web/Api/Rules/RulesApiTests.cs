using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Ingest.Write;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;

namespace Cockpit.Tests.Web.Api.Rules;

/// <summary>
/// <c>/api/rules</c> on the real host: everyone reads the rules, only admins change them, and a change is in force for
/// the very next point written through <c>/write</c>.
/// </summary>
public sealed class RulesApiTests : IDisposable
{
    private const string Threshold = """
        { "Name": "latency-over-500", "Measurement": "network", "Field": "latency_ms", "Detector": "Threshold",
          "Threshold": { "Above": 500, "RecoverBelow": 400 }, "RecoveryPoints": 1, "Severity": "Critical" }
        """;

    private readonly CockpitWebFactory _factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    public void Dispose() => _factory.Dispose();

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> Rule(HttpClient client, string name) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/rules/{name}")).RootElement;

    [Fact]
    public async Task EveryRoleReads_TheRulesAsConfigurationWritesThem()
    {
        using var viewer = _factory.CreateApiClient(ApiRoles.Viewer);

        var rules = JsonDocument.Parse(await viewer.GetStringAsync("/api/rules")).RootElement.EnumerateArray().ToList();

        var surge = rules.Single(r => r.GetProperty("name").GetString() == "complaint-surge");
        Assert.Equal(("configuration", true), (surge.GetProperty("origin").GetString(), surge.GetProperty("enabled").GetBoolean()));
        Assert.Equal(("Combined", "Counts"), (surge.GetProperty("rule").GetProperty("Detector").GetString(), surge.GetProperty("rule").GetProperty("Values").GetString()));
        Assert.Equal("00:01:00", surge.GetProperty("rule").GetProperty("Bucket").GetString());
    }

    [Theory]
    [InlineData(ApiRoles.Viewer)]
    [InlineData(ApiRoles.OnCall)]
    [InlineData(ApiRoles.Analyst)]
    public async Task NonAdmins_CannotChangeAnyRule(string role)
    {
        using var client = _factory.CreateApiClient(role);
        var rule = (await Rule(client, "complaint-surge")).GetProperty("rule").GetRawText();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync("/api/rules/complaint-surge", Body(rule))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/rules", Body(Threshold))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/rules/complaint-surge/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/rules/complaint-surge")).StatusCode);
        Assert.Equal("configuration", (await Rule(client, "complaint-surge")).GetProperty("origin").GetString());
    }

    [Fact]
    public async Task AdminEdit_SaysItsImpact_IsKeptWithWhoAndWhen_AndResetsToConfiguration()
    {
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);
        var rule = JsonNodeOf((await Rule(admin, "complaint-surge")).GetProperty("rule"), r => r["PendingPoints"] = 4);

        using var edited = await admin.PutAsync("/api/rules/complaint-surge", Body(rule));

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var answer = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("alerting-only", answer.GetProperty("impact").GetString());
        var now = await Rule(admin, "complaint-surge");
        Assert.Equal(("edited", CockpitWebFactory.ApiTokenName(ApiRoles.Admin), 4), (now.GetProperty("origin").GetString(), now.GetProperty("changedBy").GetString(), now.GetProperty("rule").GetProperty("PendingPoints").GetInt32()));
        Assert.Equal(2, now.GetProperty("configured").GetProperty("PendingPoints").GetInt32());
        var history = JsonDocument.Parse(await admin.GetStringAsync("/api/rules/complaint-surge/history")).RootElement;
        Assert.Equal("edited", history[0].GetProperty("action").GetString());

        using var reset = await admin.PostAsync("/api/rules/complaint-surge/reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal("configuration", (await Rule(admin, "complaint-surge")).GetProperty("origin").GetString());
    }

    [Fact]
    public async Task BadChanges_AnswerWhatIsWrong_AndChangeNothing()
    {
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);

        using var typo = await admin.PostAsync("/api/rules", Body(Threshold.Replace("\"RecoveryPoints\"", "\"RecoveryPoint\"", StringComparison.Ordinal)));
        using var range = await admin.PostAsync("/api/rules", Body(Threshold.Replace("\"RecoveryPoints\": 1", "\"RecoveryPoints\": 0", StringComparison.Ordinal)));
        using var duplicate = await admin.PostAsync("/api/rules", Body(Threshold.Replace("latency-over-500", "complaint-surge", StringComparison.Ordinal)));
        using var renamed = await admin.PutAsync("/api/rules/complaint-surge", Body(Threshold));
        using var unknown = await admin.PutAsync("/api/rules/no-such-rule", Body(Threshold));
        using var configured = await admin.DeleteAsync("/api/rules/complaint-surge");

        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("unknown property 'RecoveryPoint'", await typo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, range.StatusCode);
        Assert.Contains("RecoveryPoints: must be between 1 and 10000", await range.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, configured.StatusCode);
        Assert.Contains("disable it here", await configured.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/rules/latency-over-500")).StatusCode);
        Assert.Equal("configuration", (await Rule(admin, "complaint-surge")).GetProperty("origin").GetString());
    }

    [Fact]
    public async Task AddedRule_FiresOnTheNextPointWritten_AndDeletingItResolvesItsAlert()
    {
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);
        using var created = await admin.PostAsync("/api/rules", Body(Threshold));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("relearn", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("impact").GetString());

        await WriteAsync("network,region=tianhe,cell=th-09 latency_ms=900");

        var id = await Eventually.Get(
            async () => JsonDocument.Parse(await admin.GetStringAsync("/api/alerts?rule=latency-over-500&state=firing")).RootElement.EnumerateArray()
                .Select(a => a.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture)).FirstOrDefault(),
            TimeSpan.FromSeconds(20),
            "the added rule's alert to fire");
        var alert = JsonDocument.Parse(await admin.GetStringAsync($"/api/alerts/{id}")).RootElement;
        Assert.Equal("critical", alert.GetProperty("severity").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/rules/latency-over-500")).StatusCode);

        var summary = await Eventually.Get(
            async () =>
            {
                var now = JsonDocument.Parse(await admin.GetStringAsync($"/api/alerts/{id}")).RootElement;
                return now.GetProperty("state").GetString() == "resolved" ? now.GetProperty("summary").GetString() : null;
            },
            TimeSpan.FromSeconds(20),
            "the deleted rule's alert to resolve");
        Assert.Contains("its rule was disabled or deleted", summary, StringComparison.Ordinal);
    }

    private static string JsonNodeOf(JsonElement rule, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(rule.GetRawText())!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private async Task WriteAsync(string line)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", IngestOptions.DemoSecret);
        var at = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var response = await client.PostAsync("/write?precision=s", new StringContent(line + " " + at, Encoding.UTF8));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
