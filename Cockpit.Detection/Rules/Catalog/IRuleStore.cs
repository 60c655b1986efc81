namespace Cockpit.Detection.Rules.Catalog;

/// <summary>
/// Where rules changed at run time are kept: each one as a whole rule in JSON, with a history of every change. The
/// default is a SQLite file in <c>DataDir</c>; several detection nodes would share one behind this interface (a
/// key-value bucket on the planned message bus), so that an edit reaches every node.
/// </summary>
public interface IRuleStore
{
    /// <summary>Every stored rule, oldest first.</summary>
    IReadOnlyList<StoredRule> Load();

    /// <summary>Stores <paramref name="rule"/> (replacing one of the same name) and records the change, atomically.</summary>
    void Save(StoredRule rule, RuleChangeAction action);

    /// <summary>Removes the stored rule named <paramref name="name"/> and records who did it, atomically.</summary>
    void Remove(string name, RuleChangeAction action, string by, DateTimeOffset at);

    /// <summary>The newest changes, newest first; of one rule when <paramref name="name"/> is given.</summary>
    IReadOnlyList<RuleHistoryEntry> History(string? name, int limit);
}

/// <summary>A rule as stored: its JSON and who saved it when.</summary>
public sealed record StoredRule(string Name, string Json, string ChangedBy, DateTimeOffset ChangedAt);
