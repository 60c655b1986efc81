using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Api;

/// <summary>Who may call which API endpoint, through the real host: tokens, roles, and the 401/403 answers.</summary>
public sealed class ApiAccessTests : IDisposable
{
    private const string IngestSecret = "ingest-secret-0123456789";

    private readonly CockpitWebFactory _factory = new CockpitWebFactory()
        .With("Cockpit:Simulator:Enabled", "false")
        .With("Cockpit:Ingest:Tokens:0:Name", "telegraf")
        .With("Cockpit:Ingest:Tokens:0:Secret", IngestSecret);

    public void Dispose() => _factory.Dispose();

    /// <summary>Every API endpoint, with a body where it takes one.</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/series" },
        { "GET", "/api/alerts" },
        { "GET", "/api/alerts/1" },
        { "POST", "/api/alerts/1/ack" },
        { "POST", "/api/alerts/1/resolve" },
        { "POST", "/api/alerts/1/notes" },
        { "GET", "/api/silences" },
        { "GET", "/api/silences/abc" },
        { "POST", "/api/silences" },
        { "DELETE", "/api/silences/abc" },
    };

    /// <summary>The endpoints that change something, and the roles each needs.</summary>
    public static TheoryData<string, string, string> Commands => new()
    {
        { "POST", "/api/alerts/1/ack", "oncall or admin" },
        { "POST", "/api/alerts/1/resolve", "oncall or admin" },
        { "POST", "/api/alerts/1/notes", "oncall or analyst or admin" },
        { "POST", "/api/silences", "oncall or admin" },
        { "DELETE", "/api/silences/abc", "oncall or admin" },
    };

    private static HttpRequestMessage Request(string method, string path, AuthenticationHeaderValue? authorization = null) =>
        new(new HttpMethod(method), path)
        {
            Content = method is "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
            Headers = { Authorization = authorization },
        };

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_NoToken_Is401WithJsonErrorAndBearerChallenge(string method, string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Request(method, path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal("Authentication required: send 'Authorization: Bearer <secret>' with an API token (Cockpit:Api:Tokens).", await ErrorOf(response));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_WrongToken_Is401InvalidToken(string method, string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Request(method, path, new AuthenticationHeaderValue("Bearer", "not-a-token-0123456789")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.Single().ToString());
        Assert.Equal("The API token is not valid.", await ErrorOf(response));
    }

    [Theory]
    [InlineData("Token")]
    [InlineData("Basic")]
    public async Task Series_ApiSecretInAnotherScheme_Is401(string scheme)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Request("GET", "/api/series", new AuthenticationHeaderValue(scheme, CockpitWebFactory.ApiSecret(ApiRoles.Admin))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Series_IngestTokenAsBearer_Is401()
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Request("GET", "/api/series", new AuthenticationHeaderValue("Bearer", IngestSecret)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(ApiRoles.Viewer)]
    [InlineData(ApiRoles.OnCall)]
    [InlineData(ApiRoles.Analyst)]
    [InlineData(ApiRoles.Admin)]
    public async Task Series_EveryRole_Reads(string role)
    {
        using var client = _factory.CreateApiClient(role);

        using var response = await client.GetAsync("/api/series");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_Viewer_Is403NamingTheRolesNeeded(string method, string path, string roles)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Request(method, path, CockpitWebFactory.ApiBearer(ApiRoles.Viewer)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"{method} {path} needs the role {roles}; 'test-viewer' has the role viewer.", await ErrorOf(response));
    }

    [Theory]
    [InlineData("POST", "/api/alerts/1/ack")]
    [InlineData("POST", "/api/alerts/1/resolve")]
    [InlineData("POST", "/api/silences")]
    [InlineData("DELETE", "/api/silences/abc")]
    public async Task Command_Analyst_Is403ExceptNotes(string method, string path)
    {
        using var client = _factory.CreateClient();

        using var response = await client.SendAsync(Request(method, path, CockpitWebFactory.ApiBearer(ApiRoles.Analyst)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal($"{method} {path} needs the role oncall or admin; 'test-analyst' has the role analyst.", await ErrorOf(response));
    }

    [Fact]
    public async Task Healthz_NoToken_IsOpen()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Token")]
    [InlineData("Bearer")]
    public async Task IngestWrite_IngestToken_KeepsItsOwnScheme(string scheme)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, IngestSecret);

        using var v2 = await client.PostAsync("/api/v2/write?bucket=cockpit&precision=s", new StringContent("cpu v=1 1795392000\n"));
        using var v1 = await client.PostAsync("/write?db=cockpit&precision=s", new StringContent("cpu v=2 1795392000\n"));

        Assert.Equal(HttpStatusCode.NoContent, v2.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, v1.StatusCode);
    }

    [Fact]
    public async Task IngestWrite_ApiToken_RefusedByIngestNotTheApi()
    {
        using var client = _factory.CreateApiClient(ApiRoles.Admin);

        using var response = await client.PostAsync("/api/v2/write?bucket=cockpit&precision=s", new StringContent("cpu v=1 1795392000\n"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unauthorized", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task IngestWrite_BearerIngestToken_NotJudgedByTheApiScheme()
    {
        var logs = new LogCapture();
        using var app = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestSecret);

        using var write = await client.PostAsync("/api/v2/write?bucket=cockpit&precision=s", new StringContent("cpu v=1 1795392000\n"));
        var afterWrite = logs.ToString();
        using var read = await client.GetAsync("/api/series");

        Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);
        Assert.DoesNotContain("ApiToken was not authenticated", afterWrite, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Contains("ApiToken was not authenticated. Failure message: The API token is not valid.", logs.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_ConfiguredByKey_AuthenticateWithTheirNameAndRole()
    {
        using var factory = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:Api:Tokens:0:Name", "grafana")
            .With("Cockpit:Api:Tokens:0:Secret", "grafana-reads-0123456789")
            .With("Cockpit:Api:Tokens:0:Role", "viewer");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "grafana-reads-0123456789");

        using var read = await client.GetAsync("/api/series");
        using var ack = await client.PostAsync("/api/alerts/1/ack", null);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ack.StatusCode);
        Assert.Equal("POST /api/alerts/1/ack needs the role oncall or admin; 'grafana' has the role viewer.", await ErrorOf(ack));
    }

    [Fact]
    public async Task Tokens_FromEnvironmentVariables_Authenticate()
    {
        // Entry 9: past the factory's own four, so hosts other tests start meanwhile only gain one more valid token.
        var secret = "env-" + Guid.NewGuid().ToString("N");
        var variables = new Dictionary<string, string>
        {
            ["Cockpit__Api__Tokens__9__Name"] = "env-ops",
            ["Cockpit__Api__Tokens__9__Secret"] = secret,
            ["Cockpit__Api__Tokens__9__Role"] = "analyst",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            using var factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");
            using var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

            using var read = await client.GetAsync("/api/series");
            using var ack = await client.PostAsync("/api/alerts/1/ack", null);

            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("POST /api/alerts/1/ack needs the role oncall or admin; 'env-ops' has the role analyst.", await ErrorOf(ack));
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }

    [Fact]
    public void Start_DemoSecret_WarnedBeforeAnyRequest()
    {
        var logs = new LogCapture();
        using var app = _factory
            .With("Cockpit:Api:Tokens:2:Secret", "cockpit-demo-analyst-token")
            .WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));

        _ = app.Services;

        Assert.Contains(
            "Warning Cockpit.Web.Security.ApiTokenAuthenticator[3200]: API token 'test-analyst' uses a documented demo secret: anyone can call the API as analyst.",
            logs.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InvalidToken_FailsNamingTheEntry()
    {
        using var factory = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:Api:Tokens:1:Role", "superuser")
            .With("Cockpit:Api:Tokens:2:Secret", "short");

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Cockpit:Api:Tokens:1:Role 'superuser' (token 'test-oncall') is not a role; use one of: viewer, oncall, analyst, admin.", error.Failures);
        Assert.Contains("Cockpit:Api:Tokens:2:Secret (token 'test-analyst') must be at least 16 characters.", error.Failures);
    }
}
