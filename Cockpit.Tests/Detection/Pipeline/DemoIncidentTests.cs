using Cockpit.Detection.Alerts;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Simulation;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>
/// The README's demo as a manager and an on-call engineer see it: the simulator exactly as the run command configures
/// it (cold start, first incident 45 minutes in, incidents of varied size, length, time of day and district every
/// 8 hours), through the shipped rules, for three simulated days and several seeds. For every staged incident the
/// alert comes in the right district within the stated time, stays open while the incident lasts and resolves soon
/// after it ends; nothing else alerts.
/// </summary>
public sealed class DemoIncidentTests
{
    private static readonly TimeSpan Days = TimeSpan.FromDays(3);

    // A slide is held to a deadline only when its first half saw this many attempts: at night in a small district a
    // slide of 12 points over 20 attempts an hour is not yet distinguishable from chance (see the closing note of the
    // issue: the goal of catching it before halfway is not met yet).
    private const double SlideAttemptsNeeded = 300;

    // A success rate is judged from its ninth bucket, and its baseline settles over 60 buckets of 15 minutes, learning
    // from every value not under an alert; a slide in the first 7.5 hours is partly learnt as normal and is held to no
    // deadline (most are still caught: see the README).
    private static readonly TimeSpan RateWarmUp = TimeSpan.FromHours(7.5);

    // A bucketed alert carries its bucket's start; it is raised when the bucket closes. The trend rule folds 15 minutes,
    // the fixed threshold 30, so their raising times are compared, not their data times.
    private static readonly TimeSpan TrendBucket = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LowBucket = TimeSpan.FromMinutes(30);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(20261124)]
    public void Demo_ThreeDaysOfStagedIncidents_EachAlertsInItsDistrictStaysOpenAndResolves(int seed)
    {
        var simulator = new TelecomSimulator(new SimulatorOptions { Seed = seed }, Points.Monday);
        var end = Points.Monday + Days;
        var signals = DefaultRulesTests.Run(simulator, (int)Days.TotalMinutes);
        var incidents = Incidents(simulator, end);

        var problems = new List<string>();
        foreach (var incident in incidents)
        {
            problems.AddRange(Check(simulator, incident, signals, end));
        }

        problems.AddRange(signals.Where(s => s.Firing && !incidents.Any(i => Explains(i, s))).Select(s => $"false alarm: {Line(s)}"));

        // An alert never says its value lies inside its own normal band, and no band leaves the values' domain.
        problems.AddRange(signals.Where(s => s.Firing && s.Facts is { Kind: SignalFactKind.Anomalous, Lower: { } lower, Upper: { } upper, Value: { } value }
                && ((value >= lower && value <= upper) || lower < 0 || (s.Rule.StartsWith("success-rate", StringComparison.Ordinal) && upper > 100)))
            .Select(s => $"contradicts itself: {Line(s)}"));

        Assert.True(incidents.Count(i => i.Kind == IncidentKind.ComplaintSurge) >= 8, "the schedule stages a surge every 8 hours");
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\nall signals:\n" + DefaultRulesTests.Describe(signals));
    }

    [Fact]
    public void Demo_Schedule_VariesSizesTimesOfDayAndDistricts()
    {
        var incidents = Enumerable.Range(1, 6)
            .SelectMany(seed => Incidents(new TelecomSimulator(new SimulatorOptions { Seed = seed }, Points.Monday), Points.Monday + Days))
            .ToList();

        var slides = incidents.Where(i => i.Kind == IncidentKind.SuccessRateDecline).ToList();
        Assert.Contains(slides, s => Local(s.Start).Hour is >= 0 and < 6);
        Assert.Contains(slides, s => Local(s.Start).Hour is >= 9 and < 18);
        Assert.True(slides.Max(s => s.Size) - slides.Min(s => s.Size) >= 8);
        var surges = incidents.Where(i => i.Kind == IncidentKind.ComplaintSurge).ToList();
        Assert.True(surges.Max(s => s.Size) >= 2 * surges.Min(s => s.Size));
        Assert.True(incidents.Select(i => i.Region).Distinct().Count() >= 9);
    }

    private static IEnumerable<string> Check(TelecomSimulator simulator, Incident incident, List<AlertSignal> signals, DateTimeOffset end)
    {
        var (rule, due, calmFrom, resolveWithin) = incident.Kind switch
        {
            // Minutes: the surge rule folds complaints per minute and needs two anomalous minutes; a surge of +12 a minute
            // on the busiest district's 15 (at its peak hour, on the first day) takes longest.
            IncidentKind.ComplaintSurge => ("complaint-surge", TimeSpan.FromMinutes(15), incident.End - (incident.Duration * 0.2) - TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(20)),
            IncidentKind.NetworkOutage => ("network-outage", TimeSpan.FromMinutes(3), incident.End, TimeSpan.FromMinutes(10)),
            _ => ("success-rate-decline", incident.Duration, incident.End, TimeSpan.FromHours(2)),
        };
        if (incident.Kind == IncidentKind.SuccessRateDecline
            && (incident.Start < Points.Monday + RateWarmUp || FirstHalfAttempts(simulator, incident) < SlideAttemptsNeeded))
        {
            yield break;
        }

        if (incident.End + resolveWithin > end)
        {
            yield break;
        }

        var own = signals.Where(s => s.Rule == rule && Region(s) == incident.Region && s.Time >= incident.Start && s.Time <= incident.End + resolveWithin).ToList();
        var fired = own.FirstOrDefault(s => s.Firing);
        var name = $"{incident.Kind} in {incident.Region} (size {incident.Size}) {Local(incident.Start):MM-dd HH:mm}–{Local(incident.End):HH:mm}";
        if (fired is null || fired.Time > incident.Start + due)
        {
            yield return $"{name}: alert {(fired is null ? "never" : Local(fired.Time).ToString("HH:mm"))}, due by {Local(incident.Start + due):HH:mm}";
            yield break;
        }

        if (incident.Kind == IncidentKind.SuccessRateDecline
            && signals.FirstOrDefault(s => s.Firing && s.Rule == "success-rate-low" && Region(s) == incident.Region && s.Time >= incident.Start) is { } low
            && low.Time + LowBucket < fired.Time + TrendBucket)
        {
            yield return $"{name}: the fixed threshold (raised {Local(low.Time + LowBucket):HH:mm}) came before the trend (raised {Local(fired.Time + TrendBucket):HH:mm})";
        }

        var resolved = own.FirstOrDefault(s => !s.Firing && s.Time > fired.Time);
        if (resolved is null)
        {
            yield return $"{name}: fired {Local(fired.Time):HH:mm}, still open {resolveWithin.TotalMinutes} min after the end";
        }
        else if (resolved.Time < calmFrom)
        {
            yield return $"{name}: fired {Local(fired.Time):HH:mm}, resolved {Local(resolved.Time):HH:mm} while it lasted";
        }
    }

    // What an incident may rightly raise: its own alert, and for an outage the alerts of its consequences in its district
    // (latency, loss, and the complaints it causes, which inhibition holds back from notification).
    private static bool Explains(Incident incident, AlertSignal signal) =>
        Region(signal) == incident.Region
        && signal.Time >= incident.Start
        && signal.Time <= incident.End + TimeSpan.FromMinutes(30)
        && incident.Kind switch
        {
            IncidentKind.ComplaintSurge => signal.Rule == "complaint-surge",
            IncidentKind.SuccessRateDecline => signal.Rule.StartsWith("success-rate", StringComparison.Ordinal) && signal.Tags.GetValueOrDefault(MetricNames.BusinessTypeTag) == incident.Subject,
            _ => signal.Rule.StartsWith("network", StringComparison.Ordinal) || signal.Rule == "complaint-surge",
        };

    private static List<Incident> Incidents(TelecomSimulator simulator, DateTimeOffset end)
    {
        var incidents = new List<Incident>();
        for (var cycle = 0; simulator.Schedule.ForCycle(cycle) is var staged && staged.Any(i => i.Start < end); cycle++)
        {
            incidents.AddRange(staged.Where(i => i.Start < end));
        }

        return incidents;
    }

    private static double FirstHalfAttempts(TelecomSimulator simulator, Incident incident)
    {
        var first = (long)(incident.Start - simulator.Start).TotalMinutes;
        var total = 0.0;
        for (var tick = first; tick < first + (long)(incident.Duration.TotalMinutes / 2); tick++)
        {
            total += simulator.Generate(tick)
                .Where(p => p.Field == MetricNames.AttemptsField && p.Series.GetTag(MetricNames.RegionTag) == incident.Region && p.Series.GetTag(MetricNames.BusinessTypeTag) == incident.Subject)
                .Sum(p => p.Value);
        }

        return total;
    }

    private static string? Region(AlertSignal signal) => signal.Tags.GetValueOrDefault(MetricNames.RegionTag);

    private static DateTimeOffset Local(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8));

    private static string Line(AlertSignal signal) => $"{Local(signal.Time):MM-dd HH:mm} {signal.Rule} {signal.Summary}";
}
