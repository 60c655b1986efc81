using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;

namespace Cockpit.Tests.Web.Api;

/// <summary>Admins create and revoke the ingest sources' tokens over the API; the secret is shown once and works at once.</summary>
public sealed class IngestTokensApiTests : IDisposable
{
    private readonly CockpitWebFactory _factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    public void Dispose() => _factory.Dispose();

    private async Task<HttpStatusCode> WriteWith(string secret)
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", secret);
        using var response = await client.PostAsync("/write?precision=s", new StringContent("complaints,region=tianhe,channel=app,category=billing count=3 1795000000", Encoding.UTF8));
        return response.StatusCode;
    }

    [Fact]
    public async Task CreateWriteRevoke_SecretShownOnceWorksAtOnceAndIsRefusedAfterRevoking()
    {
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);

        using var created = await admin.PostAsJsonAsync("/api/ingest/tokens", new { name = "telegraf-tianhe" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal(CockpitWebFactory.ApiTokenName(ApiRoles.Admin), body.GetProperty("createdBy").GetString());

        Assert.Equal(HttpStatusCode.NoContent, await WriteWith(secret));
        var listed = await admin.GetStringAsync("/api/ingest/tokens");
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var managed = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(t => t.GetProperty("source").GetString() == "managed");
        Assert.Equal(("telegraf-tianhe", true), (managed.GetProperty("name").GetString(), managed.GetProperty("active").GetBoolean()));
        Assert.NotEqual(JsonValueKind.Null, managed.GetProperty("lastUsedAt").ValueKind);
        Assert.Contains(JsonDocument.Parse(listed).RootElement.EnumerateArray(), t => t.GetProperty("source").GetString() == "configuration");

        using var revoked = await admin.DeleteAsync($"/api/ingest/tokens/{id}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await WriteWith(secret));
        using var again = await admin.DeleteAsync($"/api/ingest/tokens/{id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData(ApiRoles.Viewer)]
    [InlineData(ApiRoles.OnCall)]
    [InlineData(ApiRoles.Analyst)]
    public async Task NonAdmins_CannotListCreateOrRevoke(string role)
    {
        using var client = _factory.CreateApiClient(role);

        using var list = await client.GetAsync("/api/ingest/tokens");
        using var create = await client.PostAsJsonAsync("/api/ingest/tokens", new { name = "sneaky" });
        using var revoke = await client.DeleteAsync("/api/ingest/tokens/abc");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { list.StatusCode, create.StatusCode, revoke.StatusCode });
        Assert.Contains("admin", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadName_BadRequestSayingWhy()
    {
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);

        using var response = await admin.PostAsJsonAsync("/api/ingest/tokens", new { name = "<img src=x onerror=alert(1)>" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("letters, digits", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
