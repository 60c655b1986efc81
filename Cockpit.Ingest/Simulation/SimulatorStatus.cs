namespace Cockpit.Ingest.Simulation;

/// <summary>What the running simulator has done so far; read by health checks and the wall.</summary>
public sealed class SimulatorStatus
{
    private long _ticks;
    private long _simulatedTimeTicks;

    /// <summary>Whether the simulator is producing data.</summary>
    public bool Running { get; internal set; }

    /// <summary>Simulated seconds per real second.</summary>
    public double Speed { get; internal set; }

    /// <summary>Ticks (intervals) emitted since start.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Simulated time of the last tick emitted; null before the first.</summary>
    public DateTimeOffset? SimulatedTime
    {
        get
        {
            var ticks = Interlocked.Read(ref _simulatedTimeTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    internal void Record(DateTimeOffset simulatedTime)
    {
        Interlocked.Exchange(ref _simulatedTimeTicks, simulatedTime.UtcTicks);
        Interlocked.Increment(ref _ticks);
    }
}
