namespace Cockpit.Alerting.Model;

/// <summary>Where an alert is in its life.</summary>
public enum AlertStatus
{
    /// <summary>The rule's condition holds but has not held long enough to fire; kept in memory only, never notified.</summary>
    Pending,

    /// <summary>The condition holds (or the alert is flapping and held as firing) and nobody has taken it yet.</summary>
    Firing,

    /// <summary>Someone on call has taken it: no more repeats or escalation until it resolves.</summary>
    Acknowledged,

    /// <summary>The condition recovered, or someone resolved it by hand.</summary>
    Resolved,
}
