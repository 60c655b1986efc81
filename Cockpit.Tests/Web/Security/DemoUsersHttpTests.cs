using System.Net;
using Cockpit.Tests.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Cockpit.Tests.Web.Security;

/// <summary>The embedded demo as the README starts it: no users configured, the documented demo logins work, and Cockpit says so.</summary>
public sealed class DemoUsersHttpTests : IDisposable
{
    private readonly LogCapture _logs = new();
    private readonly WebApplicationFactory<Program> _app;

    public DemoUsersHttpTests() =>
        _app = new CockpitWebFactory().WithoutUsers().With("Cockpit:Simulator:Enabled", "false")
            .WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("viewer")]
    [InlineData("oncall")]
    [InlineData("analyst")]
    [InlineData("admin")]
    public async Task DemoLogin_EachRole_SignsInAndTheLoginPageListsThem(string role)
    {
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await client.GetStringAsync("/login");
        using var response = await CockpitWebFactory.SignInAsync(client, role, role + "-demo");
        var page = await client.GetStringAsync("/alerts");

        Assert.Contains("data-testid=\"login-demo\"", login, StringComparison.Ordinal);
        Assert.Matches($"<code[^>]*>{role}</code> / <code[^>]*>{role}-demo</code>", login);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains($"data-role=\"{role}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DemoUsers_Warned()
    {
        using var client = _app.CreateClient();

        Assert.Contains("Warning Cockpit.Web.Security.UserDirectory[3500]: Demo users are active", _logs.ToString(), StringComparison.Ordinal);
    }
}
