using Cockpit.Ingest.Model;

namespace Cockpit.Ingest.Simulation;

/// <summary>
/// The deterministic plan of incidents: each cycle stages a complaint surge, a slow success-rate decline and a
/// network outage, in districts drawn from the seed (never the same district twice in one cycle). Their sizes, lengths
/// and times within the cycle are drawn too, so that over a few cycles incidents come big and small, by day and by
/// night, in busy and quiet districts. The first cycle's surge starts the cycle (the demo's first alert comes
/// <see cref="SimulatorOptions.FirstIncidentAfter"/> after start).
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
        var cell = CellName(_regions[order[2]].Id, 1 + random.Next(_cellsPerRegion));

        // Fractions of the cycle (8 h by default): a surge of 12–30 extra complaints a minute for 5–10 %, starting in
        // the cycle's first half (the first cycle's at once); a decline of 12–24 points over 30–55 % of the cycle,
        // starting in its first third; an outage of 5–10 %, in the cycle's middle.
        var surgeStart = cycle == 0 ? 0 : Between(random, 0, 0.45);
        var surge = new Incident(IncidentKind.ComplaintSurge, _regions[order[0]].Id, start + Minutes(minutes * surgeStart), Minutes(minutes * Between(random, 0.08, 0.16)), "broadband", Math.Round(Between(random, 12, 30)));
        var decline = new Incident(IncidentKind.SuccessRateDecline, _regions[order[1]].Id, start + Minutes(minutes * Between(random, 0.03, 0.33)), Minutes(minutes * Between(random, 0.30, 0.55)), "broadband_install", Math.Round(Between(random, 12, 24)));
        var outage = new Incident(IncidentKind.NetworkOutage, _regions[order[2]].Id, start + Minutes(minutes * Between(random, 0.2, 0.6)), Minutes(minutes * Between(random, 0.05, 0.10)), cell);
        return [surge, decline, outage];
    }

    private static double Between(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    // Whole minutes, so incidents start and end on the simulator's ticks.
    private static TimeSpan Minutes(double minutes) => TimeSpan.FromMinutes(Math.Round(minutes));

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
