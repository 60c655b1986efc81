using System.Security.Claims;
using System.Text.Encodings.Web;
using Cockpit.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cockpit.Web.Security;

/// <summary>
/// The <c>ApiToken</c> scheme: <c>Authorization: Bearer &lt;secret&gt;</c> of a configured <see cref="ApiToken"/>
/// signs the caller in with the token's name as the user name and its role as the role claim. A challenge answers
/// 401 with a JSON <c>{error}</c> and <c>WWW-Authenticate: Bearer</c>.
/// </summary>
public sealed partial class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiTokenAuthenticator tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiToken";

    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Only endpoints that ask for authorization read the header: ingest writes carry their own tokens (some as
        // Bearer) and must neither be judged nor logged by this scheme, and pages and static files need no work.
        var metadata = Context.GetEndpoint()?.Metadata;
        if (metadata is null || (metadata.GetMetadata<IAuthorizeData>() is null && metadata.GetMetadata<AuthorizationPolicy>() is null))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var header = Request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var caller = tokens.Find(header[BearerPrefix.Length..].Trim());
        if (caller is null)
        {
            LogInvalidToken(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "?", Request.Path);
            return Task.FromResult(AuthenticateResult.Fail("The API token is not valid."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, caller.Name), new Claim(ClaimTypes.Role, caller.Role)],
            SchemeName,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;

        // RFC 6750: a token that was sent but is wrong is an invalid_token; no token at all gets the bare scheme.
        Response.Headers[HeaderNames.WWWAuthenticate] = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var error = result.Failure is null
            ? tokens.HasTokens
                ? "Authentication required: send 'Authorization: Bearer <secret>' with an API token (Cockpit:Api:Tokens)."
                : "Authentication required, but no API tokens are configured (Cockpit:Api:Tokens), so the API refuses every request."
            : result.Failure.Message;
        await Response.WriteAsJsonAsync(new ApiError(error));
    }

    [LoggerMessage(EventId = 3202, Level = LogLevel.Debug, Message = "API request refused: invalid token from {Remote} on {Path}")]
    private static partial void LogInvalidToken(ILogger logger, string remote, string path);
}
