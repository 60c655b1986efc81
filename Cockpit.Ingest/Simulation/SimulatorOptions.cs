using System.ComponentModel.DataAnnotations;

namespace Cockpit.Ingest.Simulation;

/// <summary>The built-in data simulator (<c>Cockpit:Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Cockpit:Simulator";

    /// <summary>Run the simulator at start-up.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seed of every random draw: the same seed and start time give the same points.</summary>
    public int Seed { get; set; } = 20261124;

    /// <summary>
    /// Simulated seconds per real second. Timestamps are simulated time, which starts at the real start time
    /// and then runs <c>Speed</c> times faster: at 60 one simulated minute (one point per series) passes each
    /// real second and a simulated day takes 24 real minutes.
    /// </summary>
    [Range(0.01, 100_000)]
    public double Speed { get; set; } = 60;

    /// <summary>Simulated time between two points of a series.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Simulated start; defaults to the real start time rounded down to <see cref="Interval"/>.</summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Offset of local time (which drives daily and weekly patterns) from UTC; Guangzhou is +8.</summary>
    [Range(-14, 14)]
    public double UtcOffsetHours { get; set; } = 8;

    /// <summary>Network cells simulated per region.</summary>
    [Range(1, 100)]
    public int CellsPerRegion { get; set; } = 3;

    /// <summary>Simulated time from start to the first incident; later ones follow every <see cref="IncidentCycle"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan FirstIncidentAfter { get; set; } = TimeSpan.FromMinutes(45);

    /// <summary>Length of one cycle of the incident schedule (a surge, a slow decline and an outage per cycle).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan IncidentCycle { get; set; } = TimeSpan.FromHours(8);
}
