using System.Reactive.Concurrency;
using System.Security.Claims;
using Cockpit.Alerting.Silences;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Cockpit.Web.Api.Silences;

/// <summary>
/// <c>/api/silences</c>: list, read, create and expire silences. Creating and expiring need
/// <see cref="CockpitPolicies.Operate"/>; the caller's token name is recorded as author or as who expired it.
/// "Now" (a silence's state, the start of a <c>duration</c>) is the scheduler's clock, the one the silence book uses.
/// </summary>
public static class SilencesApi
{
    /// <summary>Maps the silence endpoints into <paramref name="api"/> (the <c>/api</c> group, which already requires <see cref="CockpitPolicies.Read"/>).</summary>
    public static RouteGroupBuilder MapSilencesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var silences = api.MapGroup("/silences");
        silences.MapGet("/", List);
        silences.MapGet("/{id}", Get);
        silences.MapPost("/", Create).RequireAuthorization(CockpitPolicies.Operate);
        silences.MapDelete("/{id}", Expire).RequireAuthorization(CockpitPolicies.Operate);
        return api;
    }

    private static IResult List(string? state, [FromServices] ISilenceBook book, [FromServices] IScheduler clock)
    {
        var errors = new List<string>();
        var states = QueryValues.ParseEnum<SilenceState>("state", state, errors);
        if (errors.Count > 0)
        {
            return Results.BadRequest(new ApiError(string.Join(" ", errors)));
        }

        var now = clock.Now;
        return Results.Ok(book.List()
            .Select(s => SilenceJson.From(s, now))
            .Where(s => states is null || states.Contains(s.State))
            .ToList());
    }

    private static IResult Get(string id, [FromServices] ISilenceBook book, [FromServices] IScheduler clock) =>
        book.Find(id) is { } silence
            ? Results.Ok(SilenceJson.From(silence, clock.Now))
            : Results.NotFound(new ApiError($"No silence '{id}'."));

    private static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, [FromServices] ISilenceBook book, [FromServices] IScheduler clock, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var now = clock.Now;
        if (SilenceRequestReader.Read(body, now, out var problems) is not { } silenceRequest)
        {
            return Invalid(problems);
        }

        var result = book.Create(silenceRequest, ApiActor.Of(user));
        if (result.Silence is not { } silence)
        {
            return Invalid(result.Errors);
        }

        return Results.Created($"/api/silences/{Uri.EscapeDataString(silence.Id)}", SilenceJson.From(silence, clock.Now));
    }

    private static IResult Expire(string id, ClaimsPrincipal user, [FromServices] ISilenceBook book, [FromServices] IScheduler clock)
    {
        if (book.Find(id) is not { } before)
        {
            return Results.NotFound(new ApiError($"No silence '{id}'."));
        }

        if (!book.Expire(id, ApiActor.Of(user)))
        {
            return Results.Conflict(new ApiError($"Silence '{id}' already ended at {before.EndsAt:O}."));
        }

        var after = book.Find(id) ?? before;
        return Results.Ok(SilenceJson.From(after, clock.Now));
    }

    private static IResult Invalid(IReadOnlyList<string> problems) =>
        Results.BadRequest(new SilenceErrors($"The silence is not valid: {string.Join(" ", problems)}", problems));
}
