using Cockpit.Alerting.Silences;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Dispatch;

/// <summary>
/// Picks the routes of an alert by its labels: the first route whose matchers all hold, and after it the next ones
/// while the matched route says Continue. With no routes configured every alert takes one default route to every
/// receiver; with routes configured an alert that matches none goes nowhere (the dispatcher counts it).
/// </summary>
internal sealed class AlertRouter
{
    private readonly List<NotificationRoute> _routes = [];
    private readonly Dictionary<string, NotificationRoute> _byName = new(StringComparer.Ordinal);

    public AlertRouter(IOptions<AlertingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var alerting = options.Value;
        DefaultTimers = new GroupTimers(alerting.Grouping.GroupWait, alerting.Grouping.GroupInterval, alerting.Grouping.RepeatInterval);
        HasRoutes = alerting.Routes.Count > 0;
        if (!HasRoutes)
        {
            _routes.Add(new NotificationRoute(
                NotificationRoute.DefaultName, "", [], [.. alerting.Receivers.Select(r => r.Name)], false, alerting.Grouping.EffectiveGroupBy, DefaultTimers, []));
        }

        foreach (var route in alerting.Routes)
        {
            var matchers = route.Matchers.Select(text => LabelMatcherParser.TryParse(text, out var matcher, out var error)
                ? matcher
                : throw new InvalidOperationException($"Route '{route.Name}': {error}")).ToList();
            _routes.Add(new NotificationRoute(
                route.Name,
                route.Team,
                matchers,
                route.Receivers,
                route.Continue,
                route.GroupBy ?? alerting.Grouping.EffectiveGroupBy,
                new GroupTimers(
                    route.GroupWait ?? DefaultTimers.Wait,
                    route.GroupInterval ?? DefaultTimers.Interval,
                    route.RepeatInterval ?? DefaultTimers.Repeat),
                route.Escalation));
        }

        foreach (var route in _routes)
        {
            _byName.TryAdd(route.Name, route);
        }
    }

    /// <summary>False when no routes are configured (every alert takes the default route).</summary>
    public bool HasRoutes { get; }

    /// <summary>The default grouping timers.</summary>
    public GroupTimers DefaultTimers { get; }

    public IReadOnlyList<NotificationRoute> Routes => _routes;

    /// <summary>The routes an alert with these labels takes, in order; empty when it matches none.</summary>
    public IReadOnlyList<NotificationRoute> Match(IReadOnlyDictionary<string, string> labels)
    {
        var matched = new List<NotificationRoute>();
        foreach (var route in _routes)
        {
            if (LabelMatcher.All(route.Matchers, labels))
            {
                matched.Add(route);
                if (!route.Continue)
                {
                    break;
                }
            }
        }

        return matched;
    }

    /// <summary>The route of that name, or null when the configuration no longer has it.</summary>
    public NotificationRoute? Find(string name) => _byName.GetValueOrDefault(name);
}
