using Cockpit.Tests.Testing;
using Cockpit.Web.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Web.Security;

public sealed class ApiTokenAuthenticatorTests
{
    private readonly LogCapture _logs = new();

    private ApiTokenAuthenticator Create(params ApiToken[] tokens)
    {
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return new ApiTokenAuthenticator(Options.Create(new ApiOptions { Tokens = [.. tokens] }), factory.CreateLogger<ApiTokenAuthenticator>());
    }

    private static ApiToken Token(string name, string secret, string role) => new() { Name = name, Secret = secret, Role = role };

    [Fact]
    public void Find_EachSecret_ItsCallerWithTheRoleInLowerCase()
    {
        var tokens = Create(Token("grafana", "grafana-secret-0123456789", "Viewer"), Token("ops-bot", "ops-bot-secret-0123456789", "oncall"));

        Assert.Equal(new ApiCaller("grafana", "viewer"), tokens.Find("grafana-secret-0123456789"));
        Assert.Equal(new ApiCaller("ops-bot", "oncall"), tokens.Find("ops-bot-secret-0123456789"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("grafana-secret-012345678")]
    [InlineData("grafana-secret-01234567890")]
    [InlineData("GRAFANA-SECRET-0123456789")]
    public void Find_NotExactlyASecret_Null(string secret)
    {
        var tokens = Create(Token("grafana", "grafana-secret-0123456789", "viewer"));

        Assert.Null(tokens.Find(secret));
    }

    [Fact]
    public void Create_NoTokens_LogsThatTheApiRefusesEverything()
    {
        var tokens = Create();

        Assert.False(tokens.HasTokens);
        Assert.Contains("[3201]: No API tokens are configured (Cockpit:Api:Tokens): every /api/* request will be refused with 401", _logs.ToString(), StringComparison.Ordinal);
        Assert.Null(tokens.Find("anything-at-all-0123456789"));
    }

    [Fact]
    public void Create_DemoSecrets_WarnsForEachDemoTokenOnly()
    {
        var tokens = Create(
            Token("demo-oncall", "cockpit-demo-oncall-token", "oncall"),
            Token("real", "a-real-secret-0123456789", "admin"),
            Token("reused-ingest", "cockpit-demo-ingest-token", "viewer"));

        var lines = _logs.ToString().Split('\n');
        Assert.True(tokens.HasTokens);
        Assert.Equal(2, lines.Count(l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("[3200]", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("API token 'demo-oncall' uses a documented demo secret: anyone can call the API as oncall.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("API token 'reused-ingest' uses a documented demo secret", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("'real'", StringComparison.Ordinal));
    }
}
