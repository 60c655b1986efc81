namespace Cockpit.Detection.Rules;

/// <summary>What one scored value did to a subject's alert.</summary>
internal enum AlertTransition
{
    /// <summary>Nothing to report.</summary>
    None,

    /// <summary>The alert started firing.</summary>
    Fired,

    /// <summary>The firing alert's score reached the critical level for the first time.</summary>
    Escalated,

    /// <summary>The firing alert recovered.</summary>
    Resolved,

    /// <summary>A value was anomalous but the alert needs more (pending points or time, or the re-fire interval) to fire.</summary>
    Pending,

    /// <summary>The anomalous run ended before the alert fired.</summary>
    PendingCleared,
}
