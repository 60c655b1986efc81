using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Silences;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Api.Silences;

/// <summary><c>/api/silences</c> through the real host and the real silence and alert books.</summary>
public sealed class SilencesApiTests : IDisposable
{
    private readonly CockpitWebFactory _factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    public void Dispose() => _factory.Dispose();

    private ISilenceBook Silences => _factory.Services.GetRequiredService<ISilenceBook>();

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string> ErrorOf(HttpResponseMessage response) => (await Json(response)).GetProperty("error").GetString()!;

    private async Task<string[]> IdsOf(string query)
    {
        using var client = _factory.CreateApiClient();
        var silences = await client.GetFromJsonAsync<JsonElement[]>("/api/silences" + query);
        return [.. silences!.Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
    }

    private async Task<string> Create(string json, string role = ApiRoles.OnCall)
    {
        using var client = _factory.CreateApiClient(role);
        using var response = await client.PostAsync("/api/silences", Body(json));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Create_AlertmanagerShape_201WithTheSilenceByTheTokenName()
    {
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync("/api/silences", Body("""
            {"matchers":[{"name":"region","value":"tianhe","isRegex":false,"isEqual":true},
                         {"name":"rule","value":"network-.*","isRegex":true,"isEqual":false}],
             "duration":"2h","comment":"<b>fibre</b> works in Tianhe","createdBy":"someone-else"}
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var silence = await Json(response);
        var id = silence.GetProperty("id").GetString()!;
        Assert.Equal($"/api/silences/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(
            """[{"name":"region","value":"tianhe","isRegex":false,"isEqual":true},{"name":"rule","value":"network-.*","isRegex":true,"isEqual":false}]""",
            JsonSerializer.Serialize(silence.GetProperty("matchers")));
        Assert.Equal(TimeSpan.FromHours(2), silence.GetProperty("endsAt").GetDateTimeOffset() - silence.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("test-oncall", silence.GetProperty("createdBy").GetString());
        Assert.Equal("<b>fibre</b> works in Tianhe", silence.GetProperty("comment").GetString());
        Assert.Equal("active", silence.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("expiredBy").ValueKind);
        Assert.InRange(silence.GetProperty("createdAt").GetDateTimeOffset() - silence.GetProperty("startsAt").GetDateTimeOffset(), TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal("test-oncall", Silences.Find(id)!.CreatedBy);
    }

    [Fact]
    public async Task Create_MatcherStrings_ReturnedInAlertmanagerShape()
    {
        var end = new DateTimeOffset(DateTime.UtcNow.AddDays(1).Date, TimeSpan.Zero);
        var id = await Create($$"""{"matchers":["region=tianhe","severity!=critical"],"endsAt":"{{end:O}}","comment":"x"}""", ApiRoles.Admin);

        using var client = _factory.CreateApiClient();
        var silence = await client.GetFromJsonAsync<JsonElement>($"/api/silences/{id}");

        Assert.Equal(
            """[{"name":"region","value":"tianhe","isRegex":false,"isEqual":true},{"name":"severity","value":"critical","isRegex":false,"isEqual":false}]""",
            JsonSerializer.Serialize(silence.GetProperty("matchers")));
        Assert.Equal(end, silence.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal("test-admin", silence.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task Create_MatchingAlert_ShownSilencedBy()
    {
        var sink = _factory.Services.GetRequiredService<IAlertSignalSink>();
        sink.Accept(new AlertSignal("complaint-surge", "complaints", new Dictionary<string, string> { ["region"] = "tianhe" }, true,
            AlertSeverity.Warning, "surge", 40, 10, 0.9, new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero)));
        var alertId = _factory.Services.GetRequiredService<IAlertBook>().Snapshot().Single().Id;

        var id = await Create("""{"matchers":["region=tianhe"],"duration":"1h","comment":"known"}""");

        using var client = _factory.CreateApiClient();
        var alert = await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}");
        Assert.True(alert.GetProperty("silenced").GetBoolean());
        Assert.Equal(id, alert.GetProperty("silencedBy")[0].GetString());
    }

    [Fact]
    public async Task ListAndExpire_ActiveFutureAndExpired_ByState()
    {
        var active = await Create("""{"matchers":["region=tianhe"],"duration":"1h","comment":"now"}""");
        var future = await Create("""{"matchers":["region=yuexiu"],"startsAt":"2099-01-01T00:00:00Z","duration":"90m","comment":"later"}""");
        var ended = await Create("""{"matchers":["region=haizhu"],"duration":"01:00:00","comment":"short"}""");
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);

        using var expire = await admin.DeleteAsync($"/api/silences/{ended}");
        using var again = await admin.DeleteAsync($"/api/silences/{ended}");

        Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
        var expired = await Json(expire);
        Assert.Equal("expired", expired.GetProperty("state").GetString());
        Assert.Equal("test-admin", expired.GetProperty("expiredBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.StartsWith($"Silence '{ended}' already ended at ", await ErrorOf(again), StringComparison.Ordinal);
        Assert.Equal(new[] { active, future, ended }.Order(StringComparer.Ordinal), await IdsOf(""));
        Assert.Equal([active], await IdsOf("?state=active"));
        Assert.Equal([future], await IdsOf("?state=pending"));
        Assert.Equal([ended], await IdsOf("?state=expired"));
        Assert.Equal(new[] { active, ended }.Order(StringComparer.Ordinal), await IdsOf("?state=active,expired"));
    }

    [Fact]
    public async Task Expire_OnCall_ExpiredByTheTokenName()
    {
        var id = await Create("""{"matchers":["region=tianhe"],"duration":"1h","comment":"x"}""", ApiRoles.Admin);
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.DeleteAsync($"/api/silences/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var silence = await Json(response);
        Assert.Equal("expired", silence.GetProperty("state").GetString());
        Assert.Equal("test-oncall", silence.GetProperty("expiredBy").GetString());
        Assert.Equal("test-oncall", Silences.Find(id)!.ExpiredBy);
    }

    [Fact]
    public async Task List_UnknownState_400ListingTheStates()
    {
        using var client = _factory.CreateApiClient();

        using var response = await client.GetAsync("/api/silences?state=forever");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unknown state 'forever'; use one of: pending, active, expired (comma-separated for several).", await ErrorOf(response));
    }

    [Fact]
    public async Task GetAndExpire_UnknownSilence_404()
    {
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var get = await client.GetAsync("/api/silences/0123456789abcdef");
        using var delete = await client.DeleteAsync("/api/silences/0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("No silence '0123456789abcdef'.", await ErrorOf(get));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal("No silence '0123456789abcdef'.", await ErrorOf(delete));
    }

    [Fact]
    public async Task Create_InvalidForTheBook_400ListingEveryProblem()
    {
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync("/api/silences", Body("""{"matchers":[],"endsAt":"2020-01-01T00:00:00Z"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json(response);
        var errors = body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(4, errors.Length);
        Assert.Equal("A silence needs at least one matcher (e.g. region=tianhe); an empty one would mute everything.", errors[0]);
        Assert.StartsWith("The end (2020-01-01T00:00:00.0000000+00:00) must be after the start", errors[1], StringComparison.Ordinal);
        Assert.Equal("The end is in the past.", errors[2]);
        Assert.Equal("A comment is required: say why, for the next person on call.", errors[3]);
        Assert.Equal("The silence is not valid: " + string.Join(" ", errors), body.GetProperty("error").GetString());
        Assert.Empty(Silences.List());
    }

    [Fact]
    public async Task Create_UnreadableRequest_400ListingEveryProblem()
    {
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync("/api/silences", Body("""{"matchers":["region","severity=~("],"duration":"soon","comment":"x"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(3, errors.Length);
        Assert.Equal("matchers[0]: 'region' is not a matcher; write name=value, name!=value, name=~regex or name!~regex.", errors[0]);
        Assert.StartsWith("matchers[1]: Matcher 'severity=~(' has a bad regular expression", errors[1], StringComparison.Ordinal);
        Assert.Equal("\"duration\" \"soon\" is not a duration; write e.g. \"2h\", \"90m\", \"1h30m\" or \"01:30:00\".", errors[2]);
        Assert.Empty(Silences.List());
    }

    [Fact]
    public async Task Create_MatchersThatMatchEverything_400()
    {
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync("/api/silences", Body("""{"matchers":["region=~.*"],"duration":"1h","comment":"all"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "The silence is not valid: These matchers also match an alert without any labels, so they would mute everything; add one that must equal a value.",
            await ErrorOf(response));
    }

    [Theory]
    [InlineData("{\"matchers\":", "The body is not valid JSON: ")]
    [InlineData("null", "The body must be a JSON object, not null.")]
    [InlineData("\"region=tianhe\"", "The body must be a JSON object, not a string.")]
    public async Task Create_BadJson_400SayingWhatWasWrong(string json, string error)
    {
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync("/api/silences", Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(error, await ErrorOf(response), StringComparison.Ordinal);
    }
}
