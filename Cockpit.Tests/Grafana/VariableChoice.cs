namespace Cockpit.Tests.Grafana;

/// <summary>Which values the templating variables are set to while a dashboard's queries are checked.</summary>
public enum VariableChoice
{
    /// <summary>What the dashboard saved (for Cockpit's dashboards: "All").</summary>
    Saved,

    /// <summary>The first two values of a multi-value variable (a regex alternation), the first value otherwise.</summary>
    FirstTwo,
}
