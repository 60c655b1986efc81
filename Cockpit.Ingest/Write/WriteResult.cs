namespace Cockpit.Ingest.Write;

/// <summary>What became of a payload.</summary>
/// <param name="LinesAccepted">Lines (or JSON objects) whose points were queued.</param>
/// <param name="PointsAccepted">Field points queued (a line with two numeric fields makes two).</param>
/// <param name="LinesRejected">Lines that were malformed or refused; the others were still queued.</param>
/// <param name="FirstError">The first rejected line and why, or null when none was rejected.</param>
/// <param name="QueueFull">True when the ingest queue had no room: nothing of the payload was queued.</param>
public sealed record WriteResult(int LinesAccepted, int PointsAccepted, int LinesRejected, WriteError? FirstError, bool QueueFull)
{
    /// <summary>Lines that were valid but not queued because the queue was full.</summary>
    public int LinesRefused { get; init; }

    /// <summary>True when the valid points were more than the log can ever take in one write: nothing was queued.</summary>
    public bool TooLarge { get; init; }

    /// <summary>True when every line was queued.</summary>
    public bool IsComplete => LinesRejected == 0 && !QueueFull && !TooLarge;
}
