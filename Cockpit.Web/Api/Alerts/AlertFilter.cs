using Cockpit.Alerting.Model;
using Cockpit.Detection.Alerts;

namespace Cockpit.Web.Api.Alerts;

/// <summary>
/// The filters of <c>GET /api/alerts</c>: state, severity, region (the <c>region</c> tag) and rule, each a
/// comma-separated list of which any may match; filters combine with "and". An absent filter lets everything through.
/// </summary>
internal sealed class AlertFilter
{
    private const string RegionTag = "region";

    private readonly HashSet<AlertStatus>? _states;
    private readonly HashSet<AlertSeverity>? _severities;
    private readonly HashSet<string>? _regions;
    private readonly HashSet<string>? _rules;

    private AlertFilter(HashSet<AlertStatus>? states, HashSet<AlertSeverity>? severities, HashSet<string>? regions, HashSet<string>? rules)
    {
        _states = states;
        _severities = severities;
        _regions = regions;
        _rules = rules;
    }

    /// <summary>
    /// Reads the filters; null with one message naming every unknown value (and what is allowed) when one is wrong.
    /// Rules must be among <paramref name="knownRules"/>: a misspelt rule would otherwise look like "no alerts".
    /// Regions are not checked: they are whatever the sources send.
    /// </summary>
    public static AlertFilter? TryParse(string? state, string? severity, string? region, string? rule, IReadOnlyCollection<string> knownRules, out string error)
    {
        var errors = new List<string>();
        var states = QueryValues.ParseEnum<AlertStatus>("state", state, errors);
        var severities = QueryValues.ParseEnum<AlertSeverity>("severity", severity, errors);
        var regions = QueryValues.Split(region);
        var rules = QueryValues.Split(rule);
        var unknownRules = rules.Where(r => !knownRules.Contains(r, StringComparer.Ordinal)).ToArray();
        if (unknownRules.Length > 0)
        {
            errors.Add(QueryValues.Unknown("rule", unknownRules, knownRules.Order(StringComparer.Ordinal)));
        }

        error = string.Join(" ", errors);
        return errors.Count > 0
            ? null
            : new AlertFilter(
                states,
                severities,
                regions.Length == 0 ? null : new HashSet<string>(regions, StringComparer.OrdinalIgnoreCase),
                rules.Length == 0 ? null : new HashSet<string>(rules, StringComparer.Ordinal));
    }

    public bool Matches(AlertRecord alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return (_states is null || _states.Contains(alert.Status))
            && (_severities is null || _severities.Contains(alert.Severity))
            && (_regions is null || (alert.Tags.TryGetValue(RegionTag, out var region) && _regions.Contains(region)))
            && (_rules is null || _rules.Contains(alert.Rule));
    }
}
