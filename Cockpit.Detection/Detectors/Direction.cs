namespace Cockpit.Detection.Detectors;

/// <summary>Which deviations count as anomalous.</summary>
public enum Direction
{
    /// <summary>Higher or lower than expected.</summary>
    Both,

    /// <summary>Only higher than expected (a surge of complaints, a rise in latency).</summary>
    Up,

    /// <summary>Only lower than expected (a falling success rate).</summary>
    Down,
}
