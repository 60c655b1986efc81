using System.Security.Claims;
using System.Text.Json;
using Cockpit.Ingest.Http.Tokens;
using Cockpit.Ingest.Write;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Api.Ingest;

/// <summary>
/// <c>/api/ingest/tokens</c> (admin only): the ingest sources' tokens. Tokens from configuration are listed by name
/// only; managed tokens are created here — the answer to the POST is the only time their secret is shown — and revoked
/// with DELETE, which refuses the next write made with them.
/// </summary>
public static class IngestTokensApi
{
    public static RouteGroupBuilder MapIngestTokensApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tokens = api.MapGroup("/ingest/tokens").RequireAuthorization(policy => policy.RequireRole(ApiRoles.Admin));
        tokens.MapGet("/", List);
        tokens.MapPost("/", Create);
        tokens.MapDelete("/{id}", Revoke);
        return api;
    }

    private static IResult List([FromServices] IngestTokenStore store, IOptions<IngestOptions> ingest) => Results.Ok(
        ingest.Value.Tokens.Select(t => new IngestTokenJson(null, t.Name, "configuration", null, null, null, null, null, true))
            .Concat(store.List().Select(t => new IngestTokenJson(t.Id, t.Name, "managed", t.CreatedAt, t.CreatedBy, t.RevokedAt, t.RevokedBy, t.LastUsedAt, t.Active))));

    private static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, [FromServices] IngestTokenStore store, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (!body.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return Results.BadRequest(new ApiError("The body needs \"name\": the source's name, e.g. telegraf-tianhe."));
        }

        var (token, secret, error) = store.Create(name.GetString()!, ApiActor.Of(user));
        return token is null
            ? Results.BadRequest(new ApiError(error!))
            : Results.Created($"/api/ingest/tokens/{token.Id}", new CreatedIngestTokenJson(token.Id, token.Name, secret!, token.CreatedAt, token.CreatedBy));
    }

    private static IResult Revoke(string id, ClaimsPrincipal user, [FromServices] IngestTokenStore store) =>
        store.Revoke(id, ApiActor.Of(user))
            ? Results.NoContent()
            : Results.NotFound(new ApiError($"No active managed ingest token {id}."));

    /// <summary>A token as listed: never its secret.</summary>
    public sealed record IngestTokenJson(
        string? Id, string Name, string Source, DateTimeOffset? CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt, bool Active);

    /// <summary>A token just created, with its secret: shown this once.</summary>
    public sealed record CreatedIngestTokenJson(string Id, string Name, string Secret, DateTimeOffset CreatedAt, string CreatedBy);
}
