using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Detection.Alerts;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Tests.Web.Api.Alerts;

/// <summary>
/// <c>/api/alerts</c> through the real host and the real alert book; alerts come from signals handed to the
/// registered <see cref="IAlertSignalSink"/> (the simulator is off, so they are the only ones).
/// </summary>
public sealed class AlertsApiTests : IDisposable
{
    private static readonly DateTimeOffset Time = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(8));

    private readonly CockpitWebFactory _factory = new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .With("Cockpit:Alerting:ExternalUrl", "https://cockpit.example.org/");

    public void Dispose() => _factory.Dispose();

    private IAlertBook Book => _factory.Services.GetRequiredService<IAlertBook>();

    /// <summary>Fires an alert and returns its id.</summary>
    private long Fire(string rule = "complaint-surge", string region = "tianhe", AlertSeverity severity = AlertSeverity.Warning, double expected = 12.0)
    {
        var sink = _factory.Services.GetRequiredService<IAlertSignalSink>();
        var measurement = rule.StartsWith("network", StringComparison.Ordinal) ? "network" : "complaints";
        sink.Accept(new AlertSignal(rule, measurement, new Dictionary<string, string> { ["region"] = region }, Firing: true, severity,
            $"{rule} in {region}", 42.5, expected, 0.9, Time));
        return Book.Snapshot().Single(a => a.Rule == rule && a.Tags["region"] == region).Id;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string> ErrorOf(HttpResponseMessage response) => (await Json(response)).GetProperty("error").GetString()!;

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<long[]> IdsOf(string query)
    {
        using var client = _factory.CreateApiClient();
        var alerts = await client.GetFromJsonAsync<JsonElement[]>("/api/alerts" + query);
        return [.. alerts!.Select(a => a.GetProperty("id").GetInt64()).Order()];
    }

    [Fact]
    public async Task List_FiringAlert_EveryField()
    {
        var id = Fire(expected: double.NaN);
        using var client = _factory.CreateApiClient(ApiRoles.Viewer);

        var alerts = await client.GetFromJsonAsync<JsonElement[]>("/api/alerts");

        var alert = Assert.Single(alerts!);
        Assert.Equal(id, alert.GetProperty("id").GetInt64());
        Assert.Equal("complaint-surge{region=tianhe}", alert.GetProperty("fingerprint").GetString());
        Assert.Equal("complaint-surge", alert.GetProperty("rule").GetString());
        Assert.Equal("complaints", alert.GetProperty("measurement").GetString());
        Assert.Equal("tianhe", alert.GetProperty("tags").GetProperty("region").GetString());
        Assert.Equal(
            ["alertname=complaint-surge", "measurement=complaints", "region=tianhe", "rule=complaint-surge", "severity=warning"],
            alert.GetProperty("labels").EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal("firing", alert.GetProperty("state").GetString());
        Assert.False(alert.GetProperty("flapping").GetBoolean());
        Assert.False(alert.GetProperty("silenced").GetBoolean());
        Assert.Equal(0, alert.GetProperty("silencedBy").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("inhibitedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("likelyCause").ValueKind);
        Assert.Equal("complaint-surge in tianhe", alert.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("facts").ValueKind);
        Assert.Equal(42.5, alert.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("expected").ValueKind);
        Assert.Equal(0.9, alert.GetProperty("score").GetDouble());
        Assert.Equal(Time, alert.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(Time, alert.GetProperty("updatedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("endsAt").ValueKind);
        Assert.Equal(Book.Find(id)!.FiredAt, alert.GetProperty("firedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("acknowledgedBy").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("acknowledgedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("resolvedBy").ValueKind);
        Assert.Equal(1, alert.GetProperty("fireCount").GetInt32());
        Assert.Equal($"https://cockpit.example.org/alerts/{id}", alert.GetProperty("url").GetString());
    }

    [Fact]
    public async Task List_EachFilter_OnlyMatchingAlerts()
    {
        var tianhe = Fire("complaint-surge", "tianhe");
        var outage = Fire("network-outage", "yuexiu", AlertSeverity.Critical);
        var haizhu = Fire("complaint-surge", "haizhu");
        Book.Acknowledge(haizhu, "someone");

        Assert.Equal([tianhe, outage, haizhu], await IdsOf(""));
        Assert.Equal([tianhe, outage], await IdsOf("?state=firing"));
        Assert.Equal([haizhu], await IdsOf("?state=acknowledged"));
        Assert.Equal([tianhe, outage, haizhu], await IdsOf("?state=firing,acknowledged"));
        Assert.Empty(await IdsOf("?state=resolved"));
        Assert.Equal([outage], await IdsOf("?severity=critical"));
        Assert.Equal([tianhe, haizhu], await IdsOf("?severity=warning"));
        Assert.Equal([tianhe], await IdsOf("?region=tianhe"));
        Assert.Equal([outage, haizhu], await IdsOf("?region=yuexiu,haizhu"));
        Assert.Equal([outage], await IdsOf("?rule=network-outage"));
        Assert.Equal([haizhu], await IdsOf("?rule=complaint-surge&state=acknowledged&region=haizhu"));
        Assert.Empty(await IdsOf("?rule=complaint-surge&severity=critical"));
    }

    [Theory]
    [InlineData("?state=exploded", "Unknown state 'exploded'; use one of: pending, firing, acknowledged, resolved (comma-separated for several).")]
    [InlineData("?severity=fatal", "Unknown severity 'fatal'; use one of: info, warning, critical (comma-separated for several).")]
    [InlineData("?rule=complaint-surges", "Unknown rule 'complaint-surges'; use one of: complaint-surge, network-latency, network-loss-high, network-outage, source-silent, success-rate-decline, success-rate-low (comma-separated for several).")]
    public async Task List_UnknownFilterValue_400ListingTheAllowedOnes(string query, string error)
    {
        using var client = _factory.CreateApiClient();

        using var response = await client.GetAsync("/api/alerts" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, await ErrorOf(response));
    }

    [Fact]
    public async Task Get_AlertWithFacts_FactsBesideTheEnglishSummary_OnTheAlertAndItsFiredLine()
    {
        var facts = new SignalFacts
        {
            Kind = SignalFactKind.Anomalous,
            Measurement = "complaints",
            Labels = new Dictionary<string, string> { ["region"] = "tianhe" },
            Value = 39,
            Expected = 28.92,
            Lower = 20.1,
            Upper = 37.7,
            Score = 0.93,
        };
        _factory.Services.GetRequiredService<IAlertSignalSink>().Accept(new AlertSignal("complaint-surge", "complaints",
            new Dictionary<string, string> { ["region"] = "tianhe" }, Firing: true, AlertSeverity.Warning, SignalFactsFormatter.Summary(facts), 39, 28.92, 0.93, Time)
        {
            Facts = facts,
        });
        var id = Assert.Single(Book.Snapshot()).Id;
        using var client = _factory.CreateApiClient(ApiRoles.Viewer);

        var alert = await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}");

        Assert.Equal("complaints region=tianhe is 39, expected 28.92 (normal 20.1 to 37.7); anomaly score 0.93", alert.GetProperty("summary").GetString());
        var json = alert.GetProperty("facts");
        Assert.Equal("anomalous", json.GetProperty("kind").GetString());
        Assert.Equal("complaints", json.GetProperty("measurement").GetString());
        Assert.Equal("tianhe", json.GetProperty("labels").GetProperty("region").GetString());
        Assert.Equal((39, 28.92, 20.1, 37.7, 0.93), (json.GetProperty("value").GetDouble(), json.GetProperty("expected").GetDouble(),
            json.GetProperty("lower").GetDouble(), json.GetProperty("upper").GetDouble(), json.GetProperty("score").GetDouble()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("duration").ValueKind);
        var fired = alert.GetProperty("history").EnumerateArray().First();
        Assert.Equal("anomalous", fired.GetProperty("facts").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Get_KnownAlert_WithHistoryAndNotes()
    {
        var id = Fire();
        Book.AddNote(id, "li.wei", "Called the Tianhe store.");
        using var client = _factory.CreateApiClient();

        var alert = await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}");

        Assert.Equal(id, alert.GetProperty("id").GetInt64());
        Assert.Equal("firing", alert.GetProperty("state").GetString());
        var history = alert.GetProperty("history").EnumerateArray().ToArray();
        Assert.Equal("fired", history[0].GetProperty("action").GetString());
        Assert.Equal(id, history[0].GetProperty("alertId").GetInt64());
        var note = Assert.Single(alert.GetProperty("notes").EnumerateArray().ToArray());
        Assert.Equal("li.wei", note.GetProperty("author").GetString());
        Assert.Equal("Called the Tianhe store.", note.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Get_UnknownAlert_404()
    {
        using var client = _factory.CreateApiClient();

        using var response = await client.GetAsync("/api/alerts/999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No alert 999999.", await ErrorOf(response));
    }

    [Fact]
    public async Task Ack_OnCall_AcknowledgedByTheTokenName()
    {
        var id = Fire();
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync($"/api/alerts/{id}/ack", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = await Json(response);
        Assert.Equal(id, alert.GetProperty("id").GetInt64());
        Assert.Equal("acknowledged", alert.GetProperty("state").GetString());
        Assert.Equal("test-oncall", alert.GetProperty("acknowledgedBy").GetString());
        Assert.Contains(Book.History(id), h => h.Action == "acknowledged" && h.Actor == "test-oncall");
    }

    [Theory]
    [InlineData(ApiRoles.OnCall)]
    [InlineData(ApiRoles.Admin)]
    public async Task Resolve_OnCallOrAdmin_ResolvedByTheTokenNameThenConflict(string role)
    {
        var id = Fire();
        using var client = _factory.CreateApiClient(role);

        using var resolved = await client.PostAsync($"/api/alerts/{id}/resolve", null);
        using var again = await client.PostAsync($"/api/alerts/{id}/resolve", null);
        using var ack = await client.PostAsync($"/api/alerts/{id}/ack", null);

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var alert = await Json(resolved);
        Assert.Equal("resolved", alert.GetProperty("state").GetString());
        Assert.Equal(CockpitWebFactory.ApiTokenName(role), alert.GetProperty("resolvedBy").GetString());
        Assert.Equal(JsonValueKind.String, alert.GetProperty("endsAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("The alert is already resolved.", await ErrorOf(again));
        Assert.Equal(HttpStatusCode.Conflict, ack.StatusCode);
        Assert.Equal("The alert is already resolved.", await ErrorOf(ack));
    }

    [Fact]
    public async Task Pending_ListedByStateAndNotAcknowledgeable()
    {
        var sink = _factory.Services.GetRequiredService<IAlertSignalSink>();
        sink.Accept(new AlertSignal("complaint-surge", "complaints", new Dictionary<string, string> { ["region"] = "liwan" }, Firing: false,
            AlertSeverity.Warning, "rising", 30, 12, 0.7, Time) { Pending = true });
        var firing = Fire();
        var pending = Book.Snapshot().Single(a => a.Tags["region"] == "liwan").Id;
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var ack = await client.PostAsync($"/api/alerts/{pending}/ack", null);
        using var resolve = await client.PostAsync($"/api/alerts/{pending}/resolve", null);

        Assert.Equal([pending], await IdsOf("?state=pending"));
        Assert.Equal([firing], await IdsOf("?state=firing"));
        Assert.Equal(HttpStatusCode.Conflict, ack.StatusCode);
        Assert.Equal("The alert is pending: it has not fired yet, so there is nothing to acknowledge.", await ErrorOf(ack));
        Assert.Equal(HttpStatusCode.Conflict, resolve.StatusCode);
        Assert.Equal("The alert is pending: it clears by itself unless it fires.", await ErrorOf(resolve));
    }

    [Theory]
    [InlineData("ack")]
    [InlineData("resolve")]
    public async Task Command_UnknownAlert_404(string command)
    {
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync($"/api/alerts/424242/{command}", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No alert 424242.", await ErrorOf(response));
    }

    [Theory]
    [InlineData(ApiRoles.OnCall)]
    [InlineData(ApiRoles.Analyst)]
    [InlineData(ApiRoles.Admin)]
    public async Task Note_MarkupText_StoredAndReturnedAsLiteralText(string role)
    {
        const string Text = "<img src=x onerror=alert(1)> **not bold** & <b>not bold</b>";
        var id = Fire();
        using var client = _factory.CreateApiClient(role);

        using var response = await client.PostAsync($"/api/alerts/{id}/notes", Body(JsonSerializer.Serialize(new { text = Text })));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/alerts/{id}", response.Headers.Location!.OriginalString);
        var note = await Json(response);
        Assert.Equal(Text, note.GetProperty("text").GetString());
        Assert.Equal(CockpitWebFactory.ApiTokenName(role), note.GetProperty("author").GetString());
        Assert.Equal(id, note.GetProperty("alertId").GetInt64());
        Assert.True(note.GetProperty("id").GetInt64() > 0);
        Assert.Equal(Text, Assert.Single(Book.Notes(id)).Text);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}");
        Assert.Equal(Text, detail.GetProperty("notes")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("{}", "The body needs \"text\": the note, a string.")]
    [InlineData("{\"text\": 5}", "The body needs \"text\": the note, a string.")]
    [InlineData("{\"text\": \"   \"}", "The note is empty.")]
    [InlineData("[\"text\"]", "The body must be a JSON object, not an array.")]
    public async Task Note_BadBody_400(string body, string error)
    {
        var id = Fire();
        using var client = _factory.CreateApiClient(ApiRoles.Analyst);

        using var response = await client.PostAsync($"/api/alerts/{id}/notes", Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, await ErrorOf(response));
        Assert.Empty(Book.Notes(id));
    }

    [Theory]
    [InlineData("{\"text\": \"unterminated")]
    [InlineData("")]
    [InlineData("text=hello")]
    public async Task Note_NotJson_400SayingWhatWasWrong(string body)
    {
        var id = Fire();
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync($"/api/alerts/{id}/notes", Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("The body is not valid JSON: ", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_4000Characters_AcceptedAnd4001Refused()
    {
        var id = Fire();
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var longest = await client.PostAsync($"/api/alerts/{id}/notes", Body(JsonSerializer.Serialize(new { text = new string('x', 4000) })));
        using var tooLong = await client.PostAsync($"/api/alerts/{id}/notes", Body(JsonSerializer.Serialize(new { text = new string('x', 4001) })));

        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("The note is longer than 4000 characters.", await ErrorOf(tooLong));
    }

    [Fact]
    public async Task Note_HugeBody_413()
    {
        var id = Fire();
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync($"/api/alerts/{id}/notes", Body(JsonSerializer.Serialize(new { text = new string('x', 100_000) })));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The body is larger than 65536 bytes.", await ErrorOf(response));
    }

    [Fact]
    public async Task Note_UnknownAlert_404()
    {
        using var client = _factory.CreateApiClient(ApiRoles.OnCall);

        using var response = await client.PostAsync("/api/alerts/424242/notes", Body("{\"text\":\"hello\"}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No alert 424242.", await ErrorOf(response));
    }
}
