using System.Reactive.Subjects;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Detection.Rules.Catalog;

/// <summary>
/// The rules in force: configured rules, each replaced by its stored version if an admin changed it, then the rules
/// admins added. Changes are serialised by one lock: validate the whole resulting set, store, publish.
/// </summary>
public sealed partial class RuleCatalog : IRuleCatalog, IDisposable
{
    private const string ValidatedName = "rule";

    private readonly Lock _lock = new();
    private readonly List<DetectionRuleOptions> _configured;
    private readonly IRuleStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<RuleCatalog> _logger;
    private readonly Subject<IReadOnlyList<DetectionRuleOptions>> _changes = new();
    private readonly List<string> _startupProblems = [];
    private IReadOnlyList<CatalogRule> _rules;

    public RuleCatalog(IOptions<DetectionOptions> options, IRuleStore store, TimeProvider clock, ILogger<RuleCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _configured = [.. options.Value.Rules.Select(RuleJson.Copy)];
        _store = store;
        _clock = clock;
        _logger = logger;
        _rules = Load();
    }

    public IReadOnlyList<CatalogRule> Rules => Volatile.Read(ref _rules);

    public IObservable<IReadOnlyList<DetectionRuleOptions>> Changes => _changes;

    public IReadOnlyList<string> StartupProblems => _startupProblems;

    public CatalogRule? Find(string name) => Rules.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    public DetectionRuleOptions? Configured(string name) => ConfiguredRule(name) is { } rule ? RuleJson.Copy(rule) : null;

    public (RuleImpact Impact, IReadOnlyList<string> Problems) Preview(string json, string? editing)
    {
        var (rule, problems) = Check(json, editing, Rules);
        return rule is null ? (RuleImpact.None, problems) : (RuleImpacts.Of(Find(rule.Name)?.Options, rule), problems);
    }

    public RuleSaveResult Save(string json, string? editing, string by)
    {
        lock (_lock)
        {
            var (rule, problems) = Check(json, editing, _rules);
            if (rule is null || problems.Count > 0)
            {
                return new RuleSaveResult(null, problems, RuleImpact.None);
            }

            var before = Find(rule.Name);
            var action = editing is null ? RuleChangeAction.Added : RuleChangeAction.Edited;
            return Store(before, rule, action, by);
        }
    }

    public RuleSaveResult SetEnabled(string name, bool enabled, string by)
    {
        lock (_lock)
        {
            if (Find(name) is not { } current)
            {
                return RuleSaveResult.Failed($"There is no rule named '{name}'.");
            }

            if (current.Options.Enabled == enabled)
            {
                return new RuleSaveResult(current, [], RuleImpact.None);
            }

            var rule = RuleJson.Copy(current.Options);
            rule.Enabled = enabled;
            return Store(current, rule, RuleChangeAction.Edited, by);
        }
    }

    public RuleSaveResult Reset(string name, string by)
    {
        lock (_lock)
        {
            if (Find(name) is not { } current || current.Origin != RuleOrigin.Edited)
            {
                return RuleSaveResult.Failed($"The rule '{name}' has no changes to reset: it is as configured, or was added here (delete it instead).");
            }

            var configured = Configured(name)!;
            _store.Remove(name, RuleChangeAction.Reset, by, _clock.GetUtcNow());
            return Publish(current, new CatalogRule(configured, RuleOrigin.Configured, null, null), by, RuleChangeAction.Reset);
        }
    }

    public RuleSaveResult Delete(string name, string by)
    {
        lock (_lock)
        {
            if (Find(name) is not { } current)
            {
                return RuleSaveResult.Failed($"There is no rule named '{name}'.");
            }

            if (current.Origin != RuleOrigin.Added)
            {
                return RuleSaveResult.Failed($"The rule '{name}' comes from configuration: disable it here, or remove it from Cockpit:Detection:Rules.");
            }

            _store.Remove(name, RuleChangeAction.Deleted, by, _clock.GetUtcNow());
            return Publish(current, null, by, RuleChangeAction.Deleted);
        }
    }

    public IReadOnlyList<RuleHistoryEntry> History(string? name, int limit = 50) => _store.History(name, limit);

    public void Dispose() => _changes.Dispose();

    private RuleSaveResult Store(CatalogRule? before, DetectionRuleOptions rule, RuleChangeAction action, string by)
    {
        var isConfigured = ConfiguredRule(rule.Name) is not null;
        var at = _clock.GetUtcNow();
        _store.Save(new StoredRule(rule.Name, RuleJson.Write(rule), by, at), action);
        return Publish(before, new CatalogRule(rule, isConfigured ? RuleOrigin.Edited : RuleOrigin.Added, by, at), by, action);
    }

    // Replaces (or removes, when after is null) one rule in the set in force, then tells subscribers.
    private RuleSaveResult Publish(CatalogRule? before, CatalogRule? after, string by, RuleChangeAction action)
    {
        var name = (after ?? before)!.Name;
        var rules = _rules.ToList();
        var index = rules.FindIndex(r => string.Equals(r.Name, name, StringComparison.Ordinal));
        if (after is null)
        {
            rules.RemoveAt(index);
        }
        else if (index >= 0)
        {
            rules[index] = after;
        }
        else
        {
            rules.Add(after);
        }

        Volatile.Write(ref _rules, rules);
        var impact = RuleImpacts.Of(before?.Options, after?.Options);
        LogChanged(name, action, by, impact);
        _changes.OnNext([.. rules.Select(r => r.Options)]);
        return new RuleSaveResult(after, [], impact);
    }

    private (DetectionRuleOptions? Rule, List<string> Problems) Check(string json, string? editing, IReadOnlyList<CatalogRule> rules)
    {
        var (rule, error) = RuleJson.Read(json);
        if (rule is null)
        {
            return (null, [error!]);
        }

        var problems = Validate(rule);
        if (editing is null)
        {
            if (rules.Any(r => string.Equals(r.Name, rule.Name, StringComparison.Ordinal)))
            {
                problems.Add($"There is already a rule named '{rule.Name}': pick another name, or edit that rule.");
            }
        }
        else if (!string.Equals(rule.Name, editing, StringComparison.Ordinal))
        {
            problems.Add($"The name cannot change from '{editing}' to '{rule.Name}': alerts and history are kept by name. Add a new rule and disable this one instead.");
        }
        else if (!rules.Any(r => string.Equals(r.Name, editing, StringComparison.Ordinal)))
        {
            problems.Add($"There is no rule named '{editing}' (it may have just been deleted).");
        }

        return (rule, problems);
    }

    private static List<string> Validate(DetectionRuleOptions rule)
    {
        var problems = new List<string>();
        var annotations = new DetectionRuleValidator().Validate(ValidatedName, rule);
        if (annotations.Failed)
        {
            problems.AddRange(annotations.Failures.Select(Plain));
        }

        problems.AddRange(DetectionRulesValidator.Problems(rule).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return problems;
    }

    // The generated validator says "DataAnnotation validation failed for 'X' members: 'Y' with the error: 'Z'."; an
    // admin needs "Y: Z".
    // The generated validator says "FireAbove: The field rule.FireAbove must be between 0.01 and 1." (naming the field
    // by its path under the name it was given); an admin needs "FireAbove: must be between 0.01 and 1.", and for a
    // nested setting "Surge.MinHistory: …". Messages an attribute words itself are kept as they are.
    private static string Plain(string failure) =>
        FieldMessage().Match(failure) is { Success: true } field ? $"{field.Groups["path"].Value}: {field.Groups["rest"].Value}" : failure;

    private DetectionRuleOptions? ConfiguredRule(string name) =>
        _configured.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    private List<CatalogRule> Load()
    {
        var rules = _configured.Select(r => new CatalogRule(RuleJson.Copy(r), RuleOrigin.Configured, null, null)).ToList();
        foreach (var stored in _store.Load())
        {
            var (rule, error) = RuleJson.Read(stored.Json);
            var problems = rule is null ? [error!] : Validate(rule);
            if (rule is null || problems.Count > 0 || !string.Equals(rule.Name, stored.Name, StringComparison.Ordinal))
            {
                var problem = $"The stored version of rule '{stored.Name}' (saved by {stored.ChangedBy}) was not applied: {string.Join(" ", problems.DefaultIfEmpty("its name does not match."))}";
                _startupProblems.Add(problem);
                LogStoredRuleIgnored(stored.Name, problem);
                continue;
            }

            var index = rules.FindIndex(r => string.Equals(r.Name, rule.Name, StringComparison.Ordinal));
            var entry = new CatalogRule(rule, index >= 0 ? RuleOrigin.Edited : RuleOrigin.Added, stored.ChangedBy, stored.ChangedAt);
            if (index >= 0)
            {
                rules[index] = entry;
            }
            else
            {
                rules.Add(entry);
            }
        }

        return rules;
    }

    [GeneratedRegex("The field " + ValidatedName + "\\.(?<path>\\S+) (?<rest>.+)$", RegexOptions.Singleline)]
    private static partial Regex FieldMessage();

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Rule {Rule}: {Action} by {By}; detection impact {Impact}")]
    private partial void LogChanged(string rule, RuleChangeAction action, string by, RuleImpact impact);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "Stored rule {Rule} ignored: {Problem}")]
    private partial void LogStoredRuleIgnored(string rule, string problem);
}
