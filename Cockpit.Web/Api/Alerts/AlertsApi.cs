using System.Security.Claims;
using System.Text.Json;
using Cockpit.Alerting;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Model;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Api.Alerts;

/// <summary>
/// <c>/api/alerts</c>: the alerts of the alert book, one with its history and notes, and the commands people on
/// call give (acknowledge, resolve, note). The caller's token name is the actor recorded for every command.
/// </summary>
public static class AlertsApi
{
    /// <summary>Maps the alert endpoints into <paramref name="api"/> (the <c>/api</c> group, which already requires <see cref="CockpitPolicies.Read"/>).</summary>
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var alerts = api.MapGroup("/alerts");
        alerts.MapGet("/", List);
        alerts.MapGet("/{id:long}", Get);
        alerts.MapPost("/{id:long}/ack", Acknowledge).RequireAuthorization(CockpitPolicies.Operate);
        alerts.MapPost("/{id:long}/resolve", Resolve).RequireAuthorization(CockpitPolicies.Operate);
        alerts.MapPost("/{id:long}/notes", AddNote).RequireAuthorization(CockpitPolicies.Annotate);
        return api;
    }

    private static IResult List(
        string? state, string? severity, string? region, string? rule,
        [FromServices] IAlertBook book, IOptions<AlertingOptions> alerting, IRuleCatalog rules)
    {
        var snapshot = book.Snapshot();

        // Rules that are no longer configured still name the alerts they left behind.
        var knownRules = rules.Rules.Select(r => r.Name).Concat(snapshot.Select(a => a.Rule)).ToHashSet(StringComparer.Ordinal);
        if (AlertFilter.TryParse(state, severity, region, rule, knownRules, out var error) is not { } filter)
        {
            return Results.BadRequest(new ApiError(error));
        }

        var externalUrl = alerting.Value.ExternalUrl;
        return Results.Ok(snapshot.Where(filter.Matches).Select(a => AlertJson.From(a, externalUrl)).ToList());
    }

    private static IResult Get(long id, [FromServices] IAlertBook book, IOptions<AlertingOptions> alerting)
    {
        if (book.Find(id) is not { } alert)
        {
            return Results.NotFound(new ApiError($"No alert {id}."));
        }

        return Results.Ok(new AlertDetailJson(AlertJson.From(alert, alerting.Value.ExternalUrl), book.History(id), book.Notes(id)));
    }

    private static IResult Acknowledge(long id, ClaimsPrincipal user, [FromServices] IAlertBook book, IOptions<AlertingOptions> alerting) =>
        Answer(book.Acknowledge(id, ApiActor.Of(user)), alerting.Value.ExternalUrl);

    private static IResult Resolve(long id, ClaimsPrincipal user, [FromServices] IAlertBook book, IOptions<AlertingOptions> alerting) =>
        Answer(book.Resolve(id, ApiActor.Of(user)), alerting.Value.ExternalUrl);

    private static async Task<IResult> AddNote(long id, HttpRequest request, ClaimsPrincipal user, [FromServices] IAlertBook book, IOptions<AlertingOptions> alerting, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        if (!body.TryGetProperty("text", out var textProperty) || textProperty.ValueKind != JsonValueKind.String)
        {
            return Results.BadRequest(new ApiError("The body needs \"text\": the note, a string."));
        }

        // The book checks the text (not empty, at most 4000 characters once trimmed) and answers Invalid otherwise.
        var text = textProperty.GetString()!;
        var author = ApiActor.Of(user);
        var result = book.AddNote(id, author, text);
        if (result.Outcome != AlertCommandOutcome.Done)
        {
            return Answer(result, alerting.Value.ExternalUrl);
        }

        return result.Note is { } note
            ? Results.Created($"/api/alerts/{id}", note)
            : Results.Problem($"The note on alert {id} was added but the book did not return it.");
    }

    private static IResult Answer(AlertCommandResult result, string externalUrl) => result.Outcome switch
    {
        AlertCommandOutcome.Done when result.Alert is not null => Results.Ok(AlertJson.From(result.Alert, externalUrl)),
        AlertCommandOutcome.NotFound => Results.NotFound(new ApiError(result.Error ?? "No such alert.")),
        AlertCommandOutcome.Conflict => Results.Conflict(new ApiError(result.Error ?? "The alert's state does not allow this.")),
        AlertCommandOutcome.Invalid => Results.BadRequest(new ApiError(result.Error ?? "The request is not valid.")),
        _ => Results.Problem($"The alert book answered {result.Outcome} without an alert."),
    };
}
