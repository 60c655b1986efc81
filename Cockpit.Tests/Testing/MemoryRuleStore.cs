using Cockpit.Detection;
using Cockpit.Detection.Rules.Catalog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cockpit.Tests.Testing;

/// <summary>
/// A rule store in memory, for tests about something else that need a rule catalog (the SQLite store has its own
/// tests in Detection/Rules).
/// </summary>
internal sealed class MemoryRuleStore : IRuleStore
{
    private readonly List<StoredRule> _rules = [];
    private readonly List<RuleHistoryEntry> _history = [];

    /// <summary>A catalog of <paramref name="options"/>' rules over a fresh memory store.</summary>
    public static RuleCatalog Catalog(DetectionOptions options, TimeProvider? clock = null) =>
        new(Options.Create(options), new MemoryRuleStore(), clock ?? TimeProvider.System, NullLogger<RuleCatalog>.Instance);

    public IReadOnlyList<StoredRule> Load() => [.. _rules];

    public void Save(StoredRule rule, RuleChangeAction action)
    {
        var index = _rules.FindIndex(r => r.Name == rule.Name);
        if (index >= 0)
        {
            _rules[index] = rule;
        }
        else
        {
            _rules.Add(rule);
        }

        _history.Add(new RuleHistoryEntry(rule.Name, action, rule.ChangedBy, rule.ChangedAt, rule.Json));
    }

    public void Remove(string name, RuleChangeAction action, string by, DateTimeOffset at)
    {
        _rules.RemoveAll(r => r.Name == name);
        _history.Add(new RuleHistoryEntry(name, action, by, at, null));
    }

    public IReadOnlyList<RuleHistoryEntry> History(string? name, int limit) =>
        [.. _history.Where(h => name is null || h.Rule == name).Reverse().Take(limit)];
}
