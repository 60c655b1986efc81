using System.ComponentModel.DataAnnotations;
using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class SeasonalBaselineTests
{
    private const int MinutesPerDay = 1440;

    private const int FiveMinutesPerDay = 288;

    private static readonly long FiveMinutesNs = 5 * MinuteNs;

    private static SeasonalBaseline Baseline(bool countData = false) => new(new SeasonalBaselineOptions { CountData = countData });

    private static double HourOfDay(int index, long stepNs) => (double)(index * stepNs) / HourNs % 24;

    /// <summary>100 + 50·sin over the day, σ 1, one point a minute from Monday midnight.</summary>
    private static (double[] Values, double[] Truth) DailySine(int seed, int days)
    {
        var truth = Enumerable.Range(0, days * MinutesPerDay).Select(i => 100 + (50 * Math.Sin(2 * Math.PI * i / MinutesPerDay))).ToArray();
        var noise = Gaussian(seed, truth.Length);
        return ([.. truth.Zip(noise, (t, n) => t + n)], truth);
    }

    /// <summary>0 at night and 1 in business hours, with raised-cosine ramps from 07:00 to 10:00 and 18:00 to 21:00.</summary>
    private static double BusinessDay(double hourOfDay) => hourOfDay switch
    {
        < 7 => 0,
        < 10 => 0.5 - (0.5 * Math.Cos(Math.PI * (hourOfDay - 7) / 3)),
        < 18 => 1,
        < 21 => 0.5 + (0.5 * Math.Cos(Math.PI * (hourOfDay - 18) / 3)),
        _ => 0,
    };

    /// <summary>A smooth 4-hour bump from 08:00 to 12:00 peaking at 10:00.</summary>
    private static double MorningPeak(double hourOfDay) =>
        hourOfDay is >= 8 and < 12 ? Math.Pow(Math.Sin(Math.PI * (hourOfDay - 8) / 4), 2) : 0;

    [Fact]
    public void Observe_FirstDay_ReturnsNoneThenScoresFromTheSecondDay()
    {
        var (values, _) = DailySine(1, 3);

        var readings = Feed(Baseline(), values, ChinaMondayNs);

        Assert.All(readings[..MinutesPerDay], r => Assert.False(r.HasOpinion));
        Assert.All(readings[(MinutesPerDay + 60)..], r => Assert.True(r.HasOpinion));
    }

    [Fact]
    public void Observe_DailySineOfMinuteData_RaisesNothingAndTracksTheCurveWithoutSawTooth()
    {
        var (values, truth) = DailySine(2, 14);

        var readings = Feed(Baseline(), values, ChinaMondayNs);

        Assert.True(MaxScore(readings) < 0.5, $"max score {MaxScore(readings)}");
        var lastDay = (13 * MinutesPerDay)..;
        var worst = readings[lastDay].Zip(truth[lastDay], (r, t) => Math.Abs(r.Expected - t)).Max();
        Assert.True(worst < 1, $"expected differs from the curve by up to {worst} (σ = 1, amplitude 50)");
    }

    [Fact]
    public void Observe_BusinessDayOfFiveMinuteData_SurgeOnResidualsStaysQuietWhileOnRawValuesItAlerts()
    {
        var values = Gaussian(3, 21 * FiveMinutesPerDay, 100);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += 20 * BusinessDay(HourOfDay(i, FiveMinutesNs));
        }

        var seasonal = Baseline();
        var onResiduals = new SurgeDetector(new SurgeDetectorOptions());
        var onRaw = new SurgeDetector(new SurgeDetectorOptions());
        var context = new DetectorContext();
        var seasonalReadings = new List<DetectorReading>();
        var residualReadings = new List<DetectorReading>();
        var rawReadings = new List<DetectorReading>();
        for (var i = 0; i < values.Length; i++)
        {
            var timestampNs = ChinaMondayNs + (i * FiveMinutesNs);
            var reading = seasonal.Observe(timestampNs, values[i], context);
            rawReadings.Add(onRaw.Observe(timestampNs, values[i], context));
            if (reading.HasOpinion)
            {
                seasonalReadings.Add(reading);
                residualReadings.Add(onResiduals.Observe(timestampNs, values[i] - reading.Expected, context));
            }
        }

        Assert.True(MaxScore(seasonalReadings) < 0.5, $"seasonal max score {MaxScore(seasonalReadings)}");
        Assert.True(MaxScore(residualReadings) < 0.5, $"surge on residuals max score {MaxScore(residualReadings)}");
        var rawAlertDays = rawReadings.Select((r, i) => (r, Day: i / FiveMinutesPerDay))
            .Where(x => x.r.Score(Direction.Both) >= 0.5)
            .Select(x => x.Day)
            .Distinct()
            .Count();
        Assert.True(rawAlertDays >= 20, $"surge on raw values alerted on {rawAlertDays} of 21 days");
    }

    [Fact]
    public void Observe_MondayPeakLearntOverTwoWeeks_NormalOnMondayOfWeekThreeAnomalousOnWednesday()
    {
        // Five-minute data from Monday of week 1 to Wednesday of week 3; a 10σ morning peak on Mondays, and in
        // week 3 on Wednesday as well.
        var days = 14 + 3;
        var values = Gaussian(4, days * FiveMinutesPerDay, 100);
        for (var i = 0; i < values.Length; i++)
        {
            var day = i / FiveMinutesPerDay;
            var hourOfDay = HourOfDay(i, FiveMinutesNs);
            values[i] += 20 * Math.Sin(2 * Math.PI * hourOfDay / 24);
            if (day % 7 == 0 || day == 16)
            {
                values[i] += 10 * MorningPeak(hourOfDay);
            }
        }

        var readings = Feed(Baseline(), values, ChinaMondayNs, FiveMinutesNs);

        static DetectorReading[] Morning(DetectorReading[] readings, int day) =>
            readings[((day * FiveMinutesPerDay) + (8 * 12))..((day * FiveMinutesPerDay) + (12 * 12))];
        Assert.True(MaxScore(Morning(readings, 14)) < 0.5, $"Monday, week 3: max score {MaxScore(Morning(readings, 14))}");
        Assert.True(MaxScore(readings[(15 * FiveMinutesPerDay)..(16 * FiveMinutesPerDay)]) < 0.5, "Tuesday, week 3");
        Assert.True(Morning(readings, 16).Max(r => r.Up) >= 0.5, $"Wednesday, week 3: max score {MaxScore(Morning(readings, 16))}");
    }

    [Fact]
    public void Observe_StrongWeeklyPatternWithLittleNoise_WeeksThreeAndFourRaiseNothing()
    {
        // The level swings between 10 % and 190 % of its mean over the week, the noise is 0.2 % of the mean: weekly
        // deviations larger than the first weekly unit holds, which must stay precise to a fraction of the noise once
        // it has grown.
        var days = 28;
        var noise = Gaussian(5, days * FiveMinutesPerDay, 0, 20);
        var values = new double[noise.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var week = 2 * Math.PI * i / (7.0 * FiveMinutesPerDay);
            var day = 2 * Math.PI * HourOfDay(i, FiveMinutesNs) / 24;
            values[i] = (10_000 * (1 + (0.9 * Math.Cos(week))) * (1 + (0.2 * Math.Sin(day)))) + noise[i];
        }

        var readings = Feed(Baseline(), values, ChinaMondayNs, FiveMinutesNs);

        Assert.True(MaxScore(readings, 14 * FiveMinutesPerDay) < 0.5, $"max score {MaxScore(readings, 14 * FiveMinutesPerDay)}");
    }

    [Fact]
    public void Observe_Spike_ScoresAtLeastHalf()
    {
        var (values, _) = DailySine(5, 4);
        var at = (3 * MinutesPerDay) + 600;
        values[at] -= 8;

        var readings = Feed(Baseline(), values, ChinaMondayNs);

        Assert.True(readings[at].Down >= 0.5, $"{readings[at]}");
        Assert.True(MaxScore(readings[(at + 1)..]) < 0.5);
    }

    [Fact]
    public void Observe_SixSigmaStep_FoundAtOnce()
    {
        var (values, _) = DailySine(6, 4);
        var at = (3 * MinutesPerDay) + 200;
        for (var i = at; i < values.Length; i++)
        {
            values[i] += 6;
        }

        var readings = Feed(Baseline(), values, ChinaMondayNs);

        Assert.InRange(FirstAnomaly(readings, Direction.Up), at, at + 2);
    }

    [Fact]
    public void Observe_DeclineOfAPointOnePercentPerInterval_FoundLongBeforeAFixedThreshold()
    {
        // Three days of a success rate at 0.98 (σ 0.002), then a fall of 0.001 a minute: 0.90 is crossed ~80 later.
        var start = 3 * MinutesPerDay;
        var values = Gaussian(7, start + 200, 0.98, 0.002);
        for (var i = start; i < values.Length; i++)
        {
            values[i] -= 0.001 * (i - start);
        }

        var found = FirstAnomaly(Feed(Baseline(), values, ChinaMondayNs), Direction.Down);
        var thresholdFires = Array.FindIndex(values, v => v < 0.90);

        Assert.InRange(found, start, start + 15);
        Assert.True(found - start < (thresholdFires - start) / 4, $"found at {found}, threshold at {thresholdFires}");
    }

    [Fact]
    public void Observe_GaussianNoise_NeverAnomalous()
    {
        var readings = Feed(Baseline(), Gaussian(8, 20_000, 100), ChinaMondayNs);

        Assert.True(MaxScore(readings) < 0.5, $"max score {MaxScore(readings)}");
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1)]
    [InlineData(3)]
    public void Observe_PoissonCountsWithSmallMeans_NeverAnomalous(double mean)
    {
        var readings = Feed(Baseline(countData: true), Poisson(9, 20_000, mean), ChinaMondayNs);

        Assert.True(MaxScore(readings) < 0.5, $"max score {MaxScore(readings)}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.93)]
    [InlineData(1234.5)]
    public void Observe_ConstantSeries_ScoresNothing(double value)
    {
        var readings = Feed(Baseline(), Enumerable.Repeat(value, 20_000).ToArray(), ChinaMondayNs);

        // The profile is kept to 2^-16 of itself, so a value differs from it by a rounding error of under 0.01σ at the
        // scale's floor (0.1 % of the level), scored ~0.
        Assert.True(MaxScore(readings) < 1e-5, $"max score {MaxScore(readings)}");
    }

    [Fact]
    public void Observe_NonFiniteAndLatePoints_ReturnNoneAndChangeNothing()
    {
        var (values, _) = DailySine(10, 3);
        values[^100] += 10;

        var (clean, disturbed, extras) = FeedWithAndWithoutJunk(() => Baseline(), values, ChinaMondayNs);

        Assert.All(extras, r => Assert.Equal(DetectorReading.None, r));
        Assert.Equal(clean, disturbed);
        Assert.True(MaxScore(clean) >= 0.5);
    }

    [Fact]
    public void Band_BeforeLearning_IsNaN()
    {
        var (expected, lower, upper) = Baseline().Band(ChinaMondayNs);

        Assert.True(double.IsNaN(expected) && double.IsNaN(lower) && double.IsNaN(upper));
    }

    [Fact]
    public void Band_MatchesTheReadingAndIsDrawnForAnyTime()
    {
        var (values, _) = DailySine(11, 3);
        var baseline = Baseline();
        var readings = Feed(baseline, values[..^1], ChinaMondayNs);
        var lastNs = ChinaMondayNs + ((values.Length - 1) * MinuteNs);

        var band = baseline.Band(lastNs);
        var reading = baseline.Observe(lastNs, values[^1], new DetectorContext());
        var tomorrowAtSix = baseline.Band(ChinaMondayNs + (3 * DayNs) + (6 * HourNs));

        Assert.Equal((reading.Expected, reading.Lower, reading.Upper), band);
        Assert.InRange(tomorrowAtSix.Expected, 149, 151);
        Assert.True(tomorrowAtSix.Lower < 147 && tomorrowAtSix.Upper > 153, $"{tomorrowAtSix}");
        Assert.NotEmpty(readings);
    }

    [Fact]
    public void StateBytes_WithASurgeDetectorOnItsResiduals_FitsInOneKiB()
    {
        var together = new SeasonalBaseline(new SeasonalBaselineOptions()).StateBytes
            + new SurgeDetector(new SurgeDetectorOptions()).StateBytes;

        Assert.True(together <= 1024, $"{together} B");
    }

    [Fact]
    public void Options_Defaults_PassValidation()
    {
        var options = new SeasonalBaselineOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}
