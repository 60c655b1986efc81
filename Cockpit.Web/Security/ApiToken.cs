namespace Cockpit.Web.Security;

/// <summary>A credential for the HTTP API (<c>Cockpit:Api:Tokens:n</c>): who holds it and what they may do.</summary>
public sealed class ApiToken
{
    /// <summary>Who uses it, e.g. <c>ops-bot</c>; recorded as the actor of everything done with it (acks, notes, silences).</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret, sent as <c>Authorization: Bearer …</c>; at least 16 characters.</summary>
    public string Secret { get; set; } = "";

    /// <summary>One of <c>viewer</c>, <c>oncall</c>, <c>analyst</c>, <c>admin</c> (see <see cref="ApiRoles"/>; case does not matter).</summary>
    public string Role { get; set; } = "";
}
