using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// Replays recorded files (line protocol or CSV) into the ingest bus (<c>Cockpit:Replay</c>). Each file is paced by
/// its own timestamps from its first point on; files run side by side.
/// </summary>
public sealed class ReplayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cockpit:Replay";

    /// <summary>Run the replay at start-up.</summary>
    public bool Enabled { get; set; }

    /// <summary>The files to replay.</summary>
    public List<ReplayFileOptions> Files { get; set; } = [];

    /// <summary>
    /// How fast recorded time passes: <c>1</c> is real time, <c>N</c> is N times faster, <c>0</c> or <c>max</c>
    /// publishes as fast as the bus takes it.
    /// </summary>
    public ReplaySpeed Speed { get; set; } = ReplaySpeed.RealTime;

    /// <summary>
    /// Start again at the end of each file, moving timestamps on by the file's span (plus its last gap) each round so
    /// that time keeps running forward.
    /// </summary>
    public bool Loop { get; set; }

    /// <summary>Shift each file's timestamps so that its first point is "now" (for demos on the live wall).</summary>
    public bool ShiftToNow { get; set; }

    /// <summary>The unit of line-protocol timestamps, unless a file says otherwise.</summary>
    public TimePrecision Precision { get; set; } = TimePrecision.Nanoseconds;

    /// <summary>The source recorded on every replayed point.</summary>
    public string SourceName { get; set; } = "replay";
}
