namespace Cockpit.Ingest.Simulation;

/// <summary>The kinds of trouble the simulator stages.</summary>
public enum IncidentKind
{
    /// <summary>Broadband complaints in one district jump several-fold within minutes.</summary>
    ComplaintSurge,

    /// <summary>One business type's success rate in one district slides a little every interval for hours.</summary>
    SuccessRateDecline,

    /// <summary>A cell goes down in one district: loss and latency soar, and complaints follow.</summary>
    NetworkOutage,
}

/// <summary>A staged incident, in simulated time.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Region">Where.</param>
/// <param name="Start">When it begins.</param>
/// <param name="Duration">How long it lasts.</param>
/// <param name="Subject">The affected category, business type or cell.</param>
/// <param name="Size">
/// How big it is: for a surge the extra complaints a minute at its height, for a decline the points of success rate
/// lost by its end; 1 for an outage (a cell is down or not).
/// </param>
public sealed record Incident(IncidentKind Kind, string Region, DateTimeOffset Start, TimeSpan Duration, string Subject, double Size = 1)
{
    /// <summary>When it is over.</summary>
    public DateTimeOffset End => Start + Duration;

    /// <summary>Whether the incident is under way at <paramref name="time"/>.</summary>
    public bool IsActive(DateTimeOffset time) => time >= Start && time < End;

    /// <summary>Fraction of the incident elapsed at <paramref name="time"/>, in [0, 1].</summary>
    public double Progress(DateTimeOffset time) =>
        Math.Clamp((time - Start).TotalSeconds / Duration.TotalSeconds, 0, 1);
}
