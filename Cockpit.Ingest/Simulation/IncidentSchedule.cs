using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Simulation;

/// <summary>
/// The deterministic plan of incidents: each cycle stages a complaint surge, a slow success-rate decline and a
/// network outage, in districts drawn from the seed (never the same district twice in one cycle).
/// </summary>
public sealed class IncidentSchedule
{
    private readonly int _seed;
    private readonly DateTimeOffset _firstCycleStart;
    private readonly TimeSpan _cycle;
    private readonly IReadOnlyList<Region> _regions;
    private readonly int _cellsPerRegion;

    public IncidentSchedule(int seed, DateTimeOffset simulationStart, SimulatorOptions options, IReadOnlyList<Region> regions)
    {
        _seed = seed;
        _firstCycleStart = simulationStart + options.FirstIncidentAfter;
        _cycle = options.IncidentCycle;
        _regions = regions;
        _cellsPerRegion = options.CellsPerRegion;
    }

    /// <summary>The incidents of cycle <paramref name="cycle"/> (0 is the first).</summary>
    public IReadOnlyList<Incident> ForCycle(long cycle)
    {
        if (cycle < 0)
        {
            return [];
        }

        var random = DeterministicRandom.For(_seed, 0x1C1D, cycle);
        var order = Enumerable.Range(0, _regions.Count).OrderBy(_ => random.Next()).ToArray();
        var start = _firstCycleStart + (_cycle * cycle);
        var minutes = _cycle.TotalMinutes;
        return
        [
            new Incident(IncidentKind.ComplaintSurge, _regions[order[0]].Id, start, TimeSpan.FromMinutes(minutes * 0.12), "broadband"),
            new Incident(IncidentKind.SuccessRateDecline, _regions[order[1]].Id, start + TimeSpan.FromMinutes(minutes * 0.05), TimeSpan.FromMinutes(minutes * 0.45), "broadband_install"),
            new Incident(IncidentKind.NetworkOutage, _regions[order[2]].Id, start + TimeSpan.FromMinutes(minutes * 0.25), TimeSpan.FromMinutes(minutes * 0.08), CellName(_regions[order[2]].Id, 1 + random.Next(_cellsPerRegion))),
        ];
    }

    /// <summary>Incidents active at <paramref name="time"/> (an incident may outlast its cycle).</summary>
    public IEnumerable<Incident> ActiveAt(DateTimeOffset time)
    {
        var cycle = (long)Math.Floor((time - _firstCycleStart) / _cycle);
        for (var c = cycle - 1; c <= cycle; c++)
        {
            foreach (var incident in ForCycle(c))
            {
                if (incident.IsActive(time))
                {
                    yield return incident;
                }
            }
        }
    }

    /// <summary>The cell tag value of a region's n-th cell.</summary>
    public static string CellName(string region, int index) => $"{region}-{index:00}";
}
