namespace Cockpit.Web.Security;

/// <summary>Who a valid API token belongs to.</summary>
/// <param name="Name">The token's name: the actor recorded for what the caller does.</param>
/// <param name="Role">One of <see cref="ApiRoles.All"/>, lower case.</param>
public sealed record ApiCaller(string Name, string Role);
