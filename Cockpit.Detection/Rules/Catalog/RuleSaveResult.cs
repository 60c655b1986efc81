namespace Cockpit.Detection.Rules.Catalog;

/// <summary>
/// The outcome of a change to the rules: the rule now in force, or the problems that stopped it (nothing changed).
/// <see cref="Impact"/> says whether detectors keep what they learnt.
/// </summary>
public sealed record RuleSaveResult(CatalogRule? Rule, IReadOnlyList<string> Problems, RuleImpact Impact)
{
    public bool Succeeded => Problems.Count == 0;

    public static RuleSaveResult Failed(params string[] problems) => new(null, problems, RuleImpact.None);
}
