using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cockpit.Tests.Testing;
using Cockpit.Web.Security;

namespace Cockpit.Tests.Web.Api;

/// <summary><c>/api/users</c>: admins manage users with the admin screen's rules; nobody else gets in; hashes never leave.</summary>
public sealed class UsersApiTests : IDisposable
{
    private const string Password = "li.wei-password-2026";

    private readonly CockpitWebFactory _factory = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task CreateChangeDisableDelete_EachRecordedAndTheListHasNoHashes()
    {
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);

        using var created = await admin.PostAsJsonAsync("/api/users", new { name = "li.wei", displayName = "Li Wei", role = "oncall", password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/users/li.wei", created.Headers.Location!.OriginalString);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("li.wei", "oncall", "managed", "test-admin"), (body.GetProperty("name").GetString(), body.GetProperty("role").GetString(), body.GetProperty("source").GetString(), body.GetProperty("createdBy").GetString()));

        using var role = await admin.PutAsJsonAsync("/api/users/li.wei/role", new { role = "analyst" });
        using var password = await admin.PutAsJsonAsync("/api/users/li.wei/password", new { password = "another-password-2026" });
        using var disable = await admin.PostAsync("/api/users/li.wei/disable", null);
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent], new[] { role.StatusCode, password.StatusCode, disable.StatusCode });

        var listed = await admin.GetStringAsync("/api/users");
        Assert.DoesNotContain("AQAAAA", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("password", listed, StringComparison.OrdinalIgnoreCase);
        var users = JsonDocument.Parse(listed).RootElement.EnumerateArray().ToList();
        Assert.Equal(["admin.user", "analyst.user", "oncall.user", "viewer.user", "li.wei"], users.Select(u => u.GetProperty("name").GetString()));
        Assert.Equal(["configuration", "configuration", "configuration", "configuration", "managed"], users.Select(u => u.GetProperty("source").GetString()));
        var liWei = users.Single(u => u.GetProperty("name").GetString() == "li.wei");
        Assert.Equal(("analyst", true), (liWei.GetProperty("role").GetString(), liWei.GetProperty("disabled").GetBoolean()));

        using var deleted = await admin.DeleteAsync("/api/users/li.wei");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var changes = JsonDocument.Parse(await admin.GetStringAsync("/api/users/changes")).RootElement.EnumerateArray()
            .Select(c => (c.GetProperty("userName").GetString(), c.GetProperty("by").GetString())).ToList();
        Assert.Equal(5, changes.Count);
        Assert.All(changes, c => Assert.Equal(("li.wei", "test-admin"), c));
    }

    [Fact]
    public async Task Refusals_SayWhyWithTheRightStatus()
    {
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);

        using var weak = await admin.PostAsJsonAsync("/api/users", new { name = "li.wei", role = "viewer", password = "short" });
        using var badRole = await admin.PostAsJsonAsync("/api/users", new { name = "li.wei", role = "root", password = Password });
        using var configured = await admin.PostAsJsonAsync("/api/users", new { name = "Admin.User", role = "viewer", password = Password });
        using var configuredChange = await admin.PostAsync("/api/users/admin.user/disable", null);
        using var unknown = await admin.DeleteAsync("/api/users/nobody");
        using var notLocked = await admin.DeleteAsync("/api/users/locked/nobody");

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.StartsWith("\"password\" needs at least 12 characters", (await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, configured.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, configuredChange.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notLocked.StatusCode);
    }

    [Fact]
    public async Task Locked_ListedAndUnlocked()
    {
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);
        using var browser = _factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await CockpitWebFactory.SignInAsync(browser, "viewer.user", "guess-" + i);
        }

        var locked = JsonDocument.Parse(await admin.GetStringAsync("/api/users/locked")).RootElement;
        Assert.Equal("viewer.user", locked[0].GetProperty("name").GetString());

        using var unlocked = await admin.DeleteAsync("/api/users/locked/viewer.user");
        Assert.Equal(HttpStatusCode.NoContent, unlocked.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await admin.GetStringAsync("/api/users/locked")).RootElement.GetArrayLength());
        using var signIn = await CockpitWebFactory.SignInAsync(_factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "viewer.user", CockpitWebFactory.UserPassword(ApiRoles.Viewer));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Theory]
    [InlineData(ApiRoles.Viewer)]
    [InlineData(ApiRoles.OnCall)]
    [InlineData(ApiRoles.Analyst)]
    public async Task NonAdmins_CannotListOrChange(string role)
    {
        using var client = _factory.CreateApiClient(role);

        using var list = await client.GetAsync("/api/users");
        using var create = await client.PostAsJsonAsync("/api/users", new { name = "sneaky", role = "admin", password = Password });
        using var unlock = await client.DeleteAsync("/api/users/locked/viewer.user");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], new[] { list.StatusCode, create.StatusCode, unlock.StatusCode });
        using var admin = _factory.CreateApiClient(ApiRoles.Admin);
        Assert.DoesNotContain("sneaky", await admin.GetStringAsync("/api/users"), StringComparison.Ordinal);
    }
}
