namespace Cockpit.Detection.Rules.Catalog;

/// <summary>Where the rule in force comes from.</summary>
public enum RuleOrigin
{
    /// <summary>Configuration (<c>Cockpit:Detection:Rules</c>), unchanged.</summary>
    Configured,

    /// <summary>A configured rule an admin changed; resetting it returns to configuration.</summary>
    Edited,

    /// <summary>A rule an admin added; it exists only in the rule store.</summary>
    Added,
}
