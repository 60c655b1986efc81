namespace Cockpit.Detection.Alerts;

/// <summary>Where an alert is in its life.</summary>
public enum AlertState
{
    /// <summary>The condition holds now.</summary>
    Firing,

    /// <summary>The condition has recovered.</summary>
    Resolved,
}
