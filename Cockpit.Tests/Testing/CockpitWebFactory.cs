using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cockpit.Tests.Testing;

/// <summary>
/// Cockpit's real web host with its data in a temp folder and the simulator sped up, so a simulated incident
/// happens within seconds. Use <see cref="StartOnKestrel"/> for a browser, the in-memory client otherwise.
/// It configures one API token per role (entries 0–3 of <c>Cockpit:Api:Tokens</c>, replacing the demo tokens):
/// <see cref="CreateApiClient"/> or <see cref="ApiBearer"/> call the API as that role. It also configures one dashboard
/// user per role (<c>Cockpit:Users:0–3</c>, so the demo users are off): <see cref="CreateSignedInClientAsync"/> gets a
/// client with that user's session cookie, <see cref="ChromiumSignIn"/> a signed-in browser page.
/// </summary>
public sealed partial class CockpitWebFactory : WebApplicationFactory<Program>
{
    // Hashing is deliberately slow: once per test process, not once per factory.
    private static readonly Lazy<IReadOnlyDictionary<string, string>> PasswordHashes = new(() =>
        ApiRoles.All.ToDictionary(r => r, r => new PasswordHasher<UserAccount>().HashPassword(new UserAccount(), UserPassword(r)), StringComparer.Ordinal));

    private readonly TempDirectory _data = new();
    private bool _onKestrel;
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
            _settings[$"Cockpit:Users:{i}:Name"] = UserName(role);
            _settings[$"Cockpit:Users:{i}:PasswordHash"] = PasswordHashes.Value[role];
            _settings[$"Cockpit:Users:{i}:Role"] = role;
            _settings[$"Cockpit:Users:{i}:DisplayName"] = "Test " + role;
        }
    }

    /// <summary>The dashboard user of <paramref name="role"/>: what history and notes record as the actor.</summary>
    public static string UserName(string role) => role + ".user";

    /// <summary>The password of <see cref="UserName"/>.</summary>
    public static string UserPassword(string role) => $"{role}-password-0123";

    /// <summary>Drops the test users (before the host starts), so that <c>Cockpit:Users</c> is empty, as in the demo.</summary>
    public CockpitWebFactory WithoutUsers()
    {
        foreach (var key in _settings.Keys.Where(k => k.StartsWith("Cockpit:Users:", StringComparison.Ordinal)).ToArray())
        {
            _settings.Remove(key);
        }

        return this;
    }

    /// <summary>An in-memory client signed in to the dashboard as the test user of <paramref name="role"/> (redirects not followed).</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string role = ApiRoles.Viewer)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false });
        var response = await SignInAsync(client, UserName(role), UserPassword(role));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {UserName(role)} answered {(int)response.StatusCode}, not a redirect.");
        }

        return client;
    }

    /// <summary>
    /// The session cookie (<c>name=value</c>) of the test user of <paramref name="role"/>, for requests that set their
    /// own Cookie header.
    /// </summary>
    public async Task<string> SessionCookieAsync(string role = ApiRoles.Viewer)
    {
        // Cookies are carried by hand: no cookie container may drop or replace the Cookie header.
        using var client = _onKestrel
            ? new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = ClientOptions.BaseAddress }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var login = await client.GetAsync("/login");
        var cookies = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = AntiforgeryToken(await login.Content.ReadAsStringAsync()),
                ["Input.UserName"] = UserName(role),
                ["Input.Password"] = UserPassword(role),
            }),
        };
        request.Headers.Add("Cookie", cookies);
        using var response = await client.SendAsync(request);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("cockpit.session=", StringComparison.Ordinal));
    }

    /// <summary>
    /// Posts the login form as a browser does (GET /login for the anti-forgery token and cookie, then POST) with a
    /// client that keeps cookies; returns the POST's response (302 when signed in, 200 with the message when not).
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string path = "/login")
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = AntiforgeryToken(await client.GetStringAsync(path));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(path, form);
    }

    /// <summary>The anti-forgery token in a rendered form.</summary>
    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token in the page."));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

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
        _onKestrel = true;
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
