using System.Security.Claims;
using System.Text.Json;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Cockpit.Web.Api.Rules;

/// <summary>
/// <c>/api/rules</c>: the detection rules in force. Every role reads them; only admins change them. A rule is sent
/// and answered exactly as an entry of <c>Cockpit:Detection:Rules</c> in appsettings.json. A change is in force as
/// soon as the answer arrives, and the answer says whether detectors keep what they learnt (<c>impact</c>).
/// </summary>
public static class RulesApi
{
    public static RouteGroupBuilder MapRulesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var rules = api.MapGroup("/rules");
        rules.MapGet("/", List);
        rules.MapGet("/{name}", Get);
        rules.MapGet("/{name}/history", History);
        rules.MapPost("/", Create).RequireAuthorization(CockpitPolicies.Administer);
        rules.MapPut("/{name}", Replace).RequireAuthorization(CockpitPolicies.Administer);
        rules.MapPost("/{name}/enable", (string name, ClaimsPrincipal user, [FromServices] IRuleCatalog catalog) => Enable(name, true, user, catalog)).RequireAuthorization(CockpitPolicies.Administer);
        rules.MapPost("/{name}/disable", (string name, ClaimsPrincipal user, [FromServices] IRuleCatalog catalog) => Enable(name, false, user, catalog)).RequireAuthorization(CockpitPolicies.Administer);
        rules.MapPost("/{name}/reset", Reset).RequireAuthorization(CockpitPolicies.Administer);
        rules.MapDelete("/{name}", Delete).RequireAuthorization(CockpitPolicies.Administer);
        return api;
    }

    private static IResult List([FromServices] IRuleCatalog catalog) => Results.Ok(catalog.Rules.Select(RuleJsonOf));

    private static IResult Get(string name, [FromServices] IRuleCatalog catalog) =>
        catalog.Find(name) is { } rule
            ? Results.Ok(RuleJsonOf(rule) with { Configured = catalog.Configured(name) is { } configured ? Element(RuleJson.Write(configured)) : null })
            : NotFound(name);

    private static IResult History(string name, [FromServices] IRuleCatalog catalog, int? limit) =>
        Results.Ok(catalog.History(name, Math.Clamp(limit ?? 50, 1, 500)).Select(h => new RuleHistoryJson(
            h.Rule, h.Action.ToString().ToLowerInvariant(), h.By, h.At, h.Json is null ? null : Element(h.Json))));

    private static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal user, [FromServices] IRuleCatalog catalog, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var result = catalog.Save(body.GetRawText(), null, ApiActor.Of(user));
        if (!result.Succeeded && RuleJson.Read(body.GetRawText()).Rule is { } sent && catalog.Find(sent.Name) is not null)
        {
            return Results.Conflict(new RuleProblemsJson($"There is already a rule named '{sent.Name}'.", result.Problems));
        }

        return result.Succeeded
            ? Results.Created($"/api/rules/{result.Rule!.Name}", Changed(result))
            : Problems(result);
    }

    private static async Task<IResult> Replace(string name, HttpRequest request, ClaimsPrincipal user, [FromServices] IRuleCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Find(name) is null)
        {
            return NotFound(name);
        }

        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var result = catalog.Save(body.GetRawText(), name, ApiActor.Of(user));
        return result.Succeeded ? Results.Ok(Changed(result)) : Problems(result);
    }

    private static IResult Enable(string name, bool enabled, ClaimsPrincipal user, IRuleCatalog catalog)
    {
        if (catalog.Find(name) is null)
        {
            return NotFound(name);
        }

        var result = catalog.SetEnabled(name, enabled, ApiActor.Of(user));
        return result.Succeeded ? Results.Ok(Changed(result)) : Problems(result);
    }

    private static IResult Reset(string name, ClaimsPrincipal user, [FromServices] IRuleCatalog catalog)
    {
        if (catalog.Find(name) is null)
        {
            return NotFound(name);
        }

        var result = catalog.Reset(name, ApiActor.Of(user));
        return result.Succeeded ? Results.Ok(Changed(result)) : Results.Conflict(new RuleProblemsJson(result.Problems[0], result.Problems));
    }

    private static IResult Delete(string name, ClaimsPrincipal user, [FromServices] IRuleCatalog catalog)
    {
        if (catalog.Find(name) is null)
        {
            return NotFound(name);
        }

        var result = catalog.Delete(name, ApiActor.Of(user));
        return result.Succeeded ? Results.NoContent() : Results.Conflict(new RuleProblemsJson(result.Problems[0], result.Problems));
    }

    private static RuleStateJson RuleJsonOf(CatalogRule rule) =>
        new(rule.Name, rule.Origin == RuleOrigin.Configured ? "configuration" : rule.Origin.ToString().ToLowerInvariant(), rule.Options.Enabled, rule.ChangedBy, rule.ChangedAt, Element(RuleJson.Write(rule.Options)), null);

    // Rules go out as RuleJson writes them (appsettings.json's names and formats), not in the API's camelCase, so
    // that what GET answers can be edited and sent back, or pasted into configuration, as is.
    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static RuleChangedJson Changed(RuleSaveResult result) => new(
        result.Rule is null ? null : RuleJsonOf(result.Rule),
        result.Impact switch
        {
            RuleImpact.None => "none",
            RuleImpact.AlertingOnly => "alerting-only",
            _ => "relearn",
        });

    private static IResult Problems(RuleSaveResult result) =>
        Results.BadRequest(new RuleProblemsJson(
            result.Problems.Count == 1 ? result.Problems[0] : $"The rule has {result.Problems.Count} problems; nothing was changed.",
            result.Problems));

    private static IResult NotFound(string name) => Results.NotFound(new ApiError($"There is no rule named '{name}'."));

    /// <summary>A rule in force: where it comes from ("configuration", "edited", "added"), who changed it last, and the rule itself.</summary>
    public sealed record RuleStateJson(
        string Name, string Origin, bool Enabled, string? ChangedBy, DateTimeOffset? ChangedAt, JsonElement Rule, JsonElement? Configured);

    /// <summary>The answer to a change: the rule now in force and what it did to detection ("none", "alerting-only", "relearn").</summary>
    public sealed record RuleChangedJson(RuleStateJson? Rule, string Impact);

    /// <summary>Why a change was refused: one line for people, and every problem.</summary>
    public sealed record RuleProblemsJson(string Error, IReadOnlyList<string> Problems);

    /// <summary>One change to a rule.</summary>
    public sealed record RuleHistoryJson(string Rule, string Action, string By, DateTimeOffset At, JsonElement? SavedRule);
}
