namespace Cockpit.Detection.Rules.Catalog;

/// <summary>
/// The detection rules in force: configuration (<c>Cockpit:Detection:Rules</c>) with the changes admins made at run
/// time on top. Every change is validated as a whole rule set before it is stored, stored before it is in force, and
/// then published on <see cref="Changes"/> so detection, the wall and the alert pages follow without a restart.
/// </summary>
public interface IRuleCatalog
{
    /// <summary>The rules in force, enabled or not: configured ones in configuration order, then added ones.</summary>
    IReadOnlyList<CatalogRule> Rules { get; }

    /// <summary>
    /// The rule set after each change (not the current one on subscription: read <see cref="Rules"/> first). Called
    /// on the thread that made the change, under the catalog's lock, so changes arrive in order.
    /// </summary>
    IObservable<IReadOnlyList<DetectionRuleOptions>> Changes { get; }

    /// <summary>Stored changes that could not be applied at start-up (for example after an upgrade tightened a check).</summary>
    IReadOnlyList<string> StartupProblems { get; }

    /// <summary>The rule named <paramref name="name"/> in force, or null.</summary>
    CatalogRule? Find(string name);

    /// <summary>The rule named <paramref name="name"/> as configuration has it (before any edit), or null.</summary>
    DetectionRuleOptions? Configured(string name);

    /// <summary>The impact <paramref name="json"/> would have if saved over the rule of its name (nothing is changed).</summary>
    (RuleImpact Impact, IReadOnlyList<string> Problems) Preview(string json, string? editing);

    /// <summary>
    /// Saves a rule from its JSON: over the rule named <paramref name="editing"/> (renaming is refused), or as a new
    /// rule when <paramref name="editing"/> is null (a name in use is refused).
    /// </summary>
    RuleSaveResult Save(string json, string? editing, string by);

    /// <summary>Switches a rule on or off.</summary>
    RuleSaveResult SetEnabled(string name, bool enabled, string by);

    /// <summary>Drops an admin's changes to a configured rule, putting configuration back in force.</summary>
    RuleSaveResult Reset(string name, string by);

    /// <summary>Deletes a rule an admin added (configured rules can be disabled, not deleted).</summary>
    RuleSaveResult Delete(string name, string by);

    /// <summary>The newest changes, newest first; of one rule when <paramref name="name"/> is given.</summary>
    IReadOnlyList<RuleHistoryEntry> History(string? name, int limit = 50);
}
