namespace Cockpit.Detection.Rules.Catalog;

/// <summary>One change to the rules: who did what to which rule, when, and the rule as it was saved (null for a removal).</summary>
public sealed record RuleHistoryEntry(string Rule, RuleChangeAction Action, string By, DateTimeOffset At, string? Json);

/// <summary>What a change to the rule store did.</summary>
public enum RuleChangeAction
{
    Added,
    Edited,
    Reset,
    Deleted,
}
