using Cockpit.Detection;
using Cockpit.Detection.Alerts;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;
using MathNet.Numerics.Distributions;

namespace Cockpit.Tests.Detection.Pipeline;

/// <summary>
/// The shipped complaint and success-rate rules on synthetic Poisson counts and binomial rates, through the production
/// engine: quiet days with very quiet nights raise nothing; the same change is judged by the evidence it carries (many
/// events or attempts, or few); bands stay where the values can be.
/// </summary>
public sealed class CountAndRateModelTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // A city day in miniature: from `night` events (or attempts) a minute between 1 and 6 am local to `day` at noon.
    private static double Load(DateTimeOffset time, double night, double day)
    {
        var hour = time.ToOffset(TimeSpan.FromHours(8)).TimeOfDay.TotalHours;
        var shape = (1 - Math.Cos(2 * Math.PI * (hour - 3) / 24)) / 2;
        return night + ((day - night) * shape);
    }

    private static DetectionRuleOptions ShippedRule(string name) =>
        DefaultRulesTests.Shipped().Rules.Single(r => r.Name == name);

    private sealed class Run : IDisposable
    {
        private readonly DetectionEngine _engine;

        public Run(DetectionRuleOptions rule)
        {
            _engine = new DetectionEngine(new DetectionOptions { Rules = [rule] });
            _engine.Signals.Subscribe(Signals.Add);
            _engine.Scores.Subscribe(Scores.Add);
        }

        public List<AlertSignal> Signals { get; } = [];

        public List<ScoredValue> Scores { get; } = [];

        public void Feed(MetricPoint point) => _engine.Observe(point, point.TimestampNs);

        public void Dispose() => _engine.Dispose();
    }

    // Complaints of one district, minute by minute; `extra(t)` adds to the expected count.
    private static Run Complaints(int days, double night, double day, Func<DateTimeOffset, double>? extra = null, int seed = 1)
    {
        var run = new Run(ShippedRule("complaint-surge"));
        var random = new Random(seed);
        for (var t = Points.Monday; t < Points.Monday.AddDays(days); t += Minute)
        {
            var lambda = Load(t, night, day) + (extra?.Invoke(t) ?? 0);
            run.Feed(Points.Count("nansha", Poisson.Sample(random, lambda), t));
        }

        return run;
    }

    // One business type's attempts and successes, minute by minute; `drop(t)` lowers the success probability.
    private static Run Rates(int days, double night, double day, double success, Func<DateTimeOffset, double>? drop = null, int seed = 1)
    {
        var run = new Run(ShippedRule("success-rate-decline"));
        var random = new Random(seed);
        var series = SeriesKey.Create(MetricNames.Business, (MetricNames.RegionTag, "nansha"), (MetricNames.BusinessTypeTag, "repair"));
        for (var t = Points.Monday; t < Points.Monday.AddDays(days); t += Minute)
        {
            var attempts = Poisson.Sample(random, Load(t, night, day));
            var successes = attempts > 0 ? Binomial.Sample(random, success - (drop?.Invoke(t) ?? 0), attempts) : 0;
            run.Feed(Points.At(series, MetricNames.AttemptsField, attempts, t));
            run.Feed(Points.At(series, MetricNames.SuccessesField, successes, t));
        }

        return run;
    }

    private static string Describe(Run run) =>
        string.Join("\n", run.Signals.Select(s => $"{s.Time:MM-dd HH:mm} {(s.Firing ? "FIRE" : "ok")} {s.Summary}"));

    [Theory]
    [InlineData(0.05, 2, 1)]
    [InlineData(0.3, 12, 2)]
    [InlineData(3, 120, 3)]
    public void Counts_QuietWeekWithVeryQuietNights_RaiseNothing(double night, double day, int seed)
    {
        using var run = Complaints(7, night, day, seed: seed);

        Assert.True(run.Signals.Count == 0, Describe(run));
    }

    [Fact]
    public void Counts_ThreeToNineAtNight_Alerts_ButThreeHundredToThreeHundredAndSixAtNoon_DoesNot()
    {
        // Per minute: 3 → 9 for an hour at 3 am, and 300 → 306 for an hour at noon in a district ten times as busy;
        // both with a tenfold day.
        var nightSurge = Points.Monday.AddDays(2).AddHours(19);
        var noonRise = Points.Monday.AddDays(3).AddHours(4);
        using var night = Complaints(3, 3, 30, t => t >= nightSurge && t < nightSurge.AddHours(1) ? 6 : 0);
        using var noon = Complaints(4, 30, 300, t => t >= noonRise && t < noonRise.AddHours(1) ? 6 : 0);

        var fired = night.Signals.FirstOrDefault(s => s.Firing);
        Assert.True(fired is not null && fired.Time >= nightSurge && fired.Time < nightSurge.AddMinutes(10), Describe(night));
        Assert.True(noon.Signals.Count == 0, Describe(noon));
    }

    [Fact]
    public void Counts_Bands_NeverBelowZero()
    {
        using var run = Complaints(3, 0.05, 4);

        Assert.All(run.Scores.Where(s => !double.IsNaN(s.Lower)), s => Assert.True(s.Lower >= 0 && s.Expected >= 0, $"{s.Lower} {s.Expected}"));
    }

    [Theory]
    [InlineData(0.2, 4, 0.93, 1)]
    [InlineData(1, 40, 0.96, 2)]
    [InlineData(5, 200, 0.99, 3)]
    public void Rates_QuietWeekWithFewAttemptsAtNight_RaiseNothing(double night, double day, double success, int seed)
    {
        using var run = Rates(7, night, day, success, seed: seed);

        Assert.True(run.Signals.Count == 0, Describe(run));
    }

    [Fact]
    public void Rates_SameDropJudgedByItsAttempts_BusyHoursAlert_QuietNightDoesNot()
    {
        // Three points down (95 % → 92 %) for two hours: at noon with ~130 attempts a minute (2 000 a bucket) that is
        // six binomial σ a bucket; at 3 am with ~1.3 a minute (20 a bucket), a fraction of one.
        var noonDrop = Points.Monday.AddDays(2).AddHours(4);
        var nightDrop = Points.Monday.AddDays(1).AddHours(19);
        using var noon = Rates(3, 1.3, 130, 0.95, t => t >= noonDrop && t < noonDrop.AddHours(2) ? 0.03 : 0);
        using var night = Rates(3, 1.3, 130, 0.95, t => t >= nightDrop && t < nightDrop.AddHours(2) ? 0.03 : 0);

        var fired = noon.Signals.FirstOrDefault(s => s.Firing);
        Assert.True(fired is not null && fired.Time >= noonDrop && fired.Time <= noonDrop.AddMinutes(30), Describe(noon));
        Assert.True(noon.Signals.Any(s => !s.Firing && s.Time <= noonDrop.AddHours(3)), Describe(noon));
        Assert.True(night.Signals.Count == 0, Describe(night));
    }

    [Fact]
    public void Rates_Bands_StayWithinZeroAndAHundredPercent()
    {
        using var run = Rates(3, 0.5, 20, 0.97);

        var banded = run.Scores.Where(s => !double.IsNaN(s.Upper)).ToList();
        Assert.NotEmpty(banded);
        Assert.All(banded, s => Assert.InRange(s.Upper, 0, 100));
        Assert.All(banded, s => Assert.InRange(s.Lower, 0, 100));
        Assert.All(banded, s => Assert.InRange(s.Expected, s.Lower, s.Upper));
    }
}
