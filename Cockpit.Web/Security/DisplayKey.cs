namespace Cockpit.Web.Security;

/// <summary>A wall screen's key (<c>Cockpit:Display:Keys:n</c>): opening <c>/?key=&lt;secret&gt;</c> signs the screen in, read-only, for the wall only.</summary>
public sealed class DisplayKey
{
    /// <summary>Which screen it is, e.g. <c>floor-2-tv</c>; shown as the signed-in name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret in the URL; at least 16 characters.</summary>
    public string Secret { get; set; } = "";
}
