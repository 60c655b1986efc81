using System.Net;
using Cockpit.Tests.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cockpit.Tests.Web.Security;

/// <summary>OpenID Connect configured against a scripted provider: the login page offers it and the challenge goes there with PKCE.</summary>
public sealed class OidcHttpTests : IAsyncLifetime
{
    private ScriptedHttpServer _provider = default!;
    private CockpitWebFactory _factory = default!;

    public Task InitializeAsync()
    {
        // One document answers every path: it is the discovery document and, with its empty "keys", the key set.
        _provider = new ScriptedHttpServer { ScriptedPath = null };
        var issuer = _provider.Address.AbsoluteUri.TrimEnd('/');
        _provider.Default = new ScriptedHttpServer.Answer(200, $$"""
            {"issuer":"{{issuer}}","authorization_endpoint":"{{issuer}}/authorize","token_endpoint":"{{issuer}}/token",
             "jwks_uri":"{{issuer}}/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
             "id_token_signing_alg_values_supported":["RS256"],"code_challenge_methods_supported":["S256"],"keys":[]}
            """);
        _factory = new CockpitWebFactory()
            .With("Cockpit:Simulator:Enabled", "false")
            .With("Cockpit:Oidc:Authority", issuer)
            .With("Cockpit:Oidc:ClientId", "cockpit")
            .With("Cockpit:Oidc:ClientSecret", "cockpit-client-secret")
            .With("Cockpit:Oidc:DisplayName", "Ops SSO")
            .With("Cockpit:Oidc:RequireHttpsMetadata", "false");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _factory.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task LoginPage_OffersTheProvider_ChallengeRedirectsThereWithPkce()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = WebUtility.HtmlDecode(await client.GetStringAsync("/login?ReturnUrl=%2Falerts"));
        using var challenge = await client.GetAsync("/login/oidc?returnUrl=%2Falerts");

        Assert.Contains("href=\"login/oidc?returnUrl=%2Falerts\"", login, StringComparison.Ordinal);
        Assert.Contains("Sign in with Ops SSO", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith(_provider.Address.AbsoluteUri + "authorize?", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("client_id=cockpit", location.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location.Query, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%2Fsignin-oidc", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotConfigured_NoButtonAndNoEndpoint()
    {
        using var plain = new CockpitWebFactory().With("Cockpit:Simulator:Enabled", "false");
        using var client = plain.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var login = await client.GetStringAsync("/login");
        using var challenge = await client.GetAsync("/login/oidc");

        Assert.DoesNotContain("login-sso", login, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith("http://localhost/login?ReturnUrl=", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
