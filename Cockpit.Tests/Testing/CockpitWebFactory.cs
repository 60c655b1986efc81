using System.Net.Http.Headers;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cockpit.Tests.Testing;

/// <summary>
/// Cockpit's real web host with its data in a temp folder and the simulator sped up, so a simulated incident
/// happens within seconds. Use <see cref="StartOnKestrel"/> for a browser, the in-memory client otherwise.
/// It configures one API token per role (entries 0–3 of <c>Cockpit:Api:Tokens</c>, replacing the demo tokens):
/// <see cref="CreateApiClient"/> or <see cref="ApiBearer"/> call the API as that role.
/// </summary>
public sealed class CockpitWebFactory : WebApplicationFactory<Program>
{
    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, string> _settings = new(StringComparer.Ordinal)
    {
        ["Cockpit:Simulator:Speed"] = "1200",
        ["Cockpit:Detection:UiThrottle"] = "00:00:00.250",
    };

    public CockpitWebFactory()
    {
        for (var i = 0; i < ApiRoles.All.Count; i++)
        {
            var role = ApiRoles.All[i];
            _settings[$"Cockpit:Api:Tokens:{i}:Name"] = ApiTokenName(role);
            _settings[$"Cockpit:Api:Tokens:{i}:Secret"] = ApiSecret(role);
            _settings[$"Cockpit:Api:Tokens:{i}:Role"] = role;
        }
    }

    /// <summary>The name of the test token of <paramref name="role"/>: what the API records as the actor.</summary>
    public static string ApiTokenName(string role) => "test-" + role;

    /// <summary>The secret of the test token of <paramref name="role"/>.</summary>
    public static string ApiSecret(string role) => $"test-{role}-secret-0123456789";

    /// <summary>The Authorization header that calls the API as <paramref name="role"/> (for clients of <see cref="StartOnKestrel"/>).</summary>
    public static AuthenticationHeaderValue ApiBearer(string role = ApiRoles.Viewer) => new("Bearer", ApiSecret(role));

    /// <summary>An in-memory client that calls the API as <paramref name="role"/>.</summary>
    public HttpClient CreateApiClient(string role = ApiRoles.Viewer)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = ApiBearer(role);
        return client;
    }

    /// <summary>Overrides a configuration value; call before the host starts.</summary>
    public CockpitWebFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Starts the host on a real socket (127.0.0.1, free port) and returns its address.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Cockpit:DataDir", _data.Path);
        builder.UseSetting("Urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _data.Dispose();
        }
    }
}
