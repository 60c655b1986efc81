namespace Cockpit.Detection.Rules.Catalog;

/// <summary>A rule in force, where it comes from and who last changed it (null for configured rules).</summary>
public sealed record CatalogRule(DetectionRuleOptions Options, RuleOrigin Origin, string? ChangedBy, DateTimeOffset? ChangedAt)
{
    public string Name => Options.Name;
}
