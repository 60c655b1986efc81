using System.Security.Claims;
using System.Text.Json;
using Cockpit.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Cockpit.Web.Api.Users;

/// <summary>
/// <c>/api/users</c> (admin only): the dashboard's users. Configured and demo users are listed read-only; managed users
/// are created, given another role or password, disabled, enabled and deleted here, with the same rules and guards as
/// the admin screen (<see cref="UserAdministration"/>). Password hashes are never returned. <c>/api/users/locked</c>
/// lists the user names locked by failed sign-ins; DELETE on one unlocks it.
/// </summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var users = api.MapGroup("/users").RequireAuthorization(policy => policy.RequireRole(ApiRoles.Admin));
        users.MapGet("/", (UserAdministration admin) => Results.Ok(admin.List().Select(UserJson.Of)));
        users.MapPost("/", Create);
        users.MapGet("/changes", (UserAdministration admin) => Results.Ok(admin.Changes(200)));
        users.MapGet("/locked", (UserAdministration admin) => Results.Ok(admin.Locked()));
        users.MapDelete("/locked/{name}", (string name, ClaimsPrincipal caller, UserAdministration admin) => Answer(admin.Unlock(caller, name), name));
        users.MapPut("/{name}/role", SetRole);
        users.MapPut("/{name}/password", SetPassword);
        users.MapPost("/{name}/disable", (string name, ClaimsPrincipal caller, UserAdministration admin) => Answer(admin.SetDisabled(caller, name, disabled: true), name));
        users.MapPost("/{name}/enable", (string name, ClaimsPrincipal caller, UserAdministration admin) => Answer(admin.SetDisabled(caller, name, disabled: false), name));
        users.MapDelete("/{name}", (string name, ClaimsPrincipal caller, UserAdministration admin) => Answer(admin.Delete(caller, name), name));
        return api;
    }

    private static async Task<IResult> Create(HttpRequest request, ClaimsPrincipal caller, [FromServices] UserAdministration admin, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var name = Text(body, "name");
        var outcome = admin.Create(caller, name, Text(body, "displayName"), Text(body, "role"), Text(body, "password"));
        if (outcome != UserAdminOutcome.Done)
        {
            return Answer(outcome, name ?? "");
        }

        var created = admin.List().First(u => u.Source == UserSource.Managed && string.Equals(u.Name, name!.Trim(), StringComparison.OrdinalIgnoreCase));
        return Results.Created($"/api/users/{Uri.EscapeDataString(created.Name)}", UserJson.Of(created));
    }

    private static async Task<IResult> SetRole(string name, HttpRequest request, ClaimsPrincipal caller, [FromServices] UserAdministration admin, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        return error ?? Answer(admin.ChangeRole(caller, name, Text(body, "role")), name);
    }

    private static async Task<IResult> SetPassword(string name, HttpRequest request, ClaimsPrincipal caller, [FromServices] UserAdministration admin, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        return error ?? Answer(admin.ResetPassword(caller, name, Text(body, "password")), name);
    }

    private static string? Text(JsonElement body, string property) =>
        body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult Answer(UserAdminOutcome outcome, string name) => outcome switch
    {
        UserAdminOutcome.Done => Results.NoContent(),
        UserAdminOutcome.NotAllowed => Results.Json(new ApiError("Only an admin may change users."), statusCode: StatusCodes.Status403Forbidden),
        UserAdminOutcome.BadName => Results.BadRequest(new ApiError($"\"name\" is 1 to {UserAdministration.MaxNameLength} letters, digits, '.', '_', '-' or '@', e.g. li.wei.")),
        UserAdminOutcome.BadDisplayName => Results.BadRequest(new ApiError($"\"displayName\" has at most {UserAdministration.MaxDisplayNameLength} characters and no control characters.")),
        UserAdminOutcome.BadRole => Results.BadRequest(new ApiError($"\"role\" is one of: {string.Join(", ", ApiRoles.All)}.")),
        UserAdminOutcome.WeakPassword => Results.BadRequest(new ApiError($"\"password\" needs at least {UserAdministration.MinPasswordLength} characters and must not be the user name.")),
        UserAdminOutcome.NameTaken => Results.Conflict(new ApiError($"There is already a user named '{name}'.")),
        UserAdminOutcome.NameConfigured => Results.Conflict(new ApiError($"'{name}' is a user from configuration; choose another name.")),
        UserAdminOutcome.ConfiguredUser => Results.Conflict(new ApiError($"'{name}' comes from configuration (Cockpit:Users) and is changed there.")),
        UserAdminOutcome.OwnAccount => Results.Conflict(new ApiError("Nobody may disable, delete or demote their own account.")),
        UserAdminOutcome.LastAdmin => Results.Conflict(new ApiError($"'{name}' is the last admin who can sign in: make another admin first.")),
        UserAdminOutcome.UnknownUser => Results.NotFound(new ApiError($"No managed user '{name}'.")),
        UserAdminOutcome.NotLocked => Results.NotFound(new ApiError($"'{name}' is not locked.")),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>A user as listed: never a password hash.</summary>
    public sealed record UserJson(
        string Name, string? DisplayName, string Role, UserSource Source, bool Disabled, bool Shadowed,
        DateTimeOffset? CreatedAt, string? CreatedBy, DateTimeOffset? ChangedAt, string? ChangedBy, UserChangeKind? LastChange)
    {
        public static UserJson Of(UserEntry user)
        {
            ArgumentNullException.ThrowIfNull(user);
            var managed = user.Managed;
            return new UserJson(
                user.Name, user.DisplayName, user.Role, user.Source, user.Disabled, user.Shadowed,
                managed?.CreatedAt, managed?.CreatedBy, managed?.ChangedAt, managed?.ChangedBy, managed?.LastChange);
        }
    }
}
