extern alias bench;

using System.Reactive.Concurrency;
using bench::Cockpit.Bench.Nab;
using Cockpit.Detection.Rules;
using Cockpit.Ingest.Model;
using MathNet.Numerics.Distributions;

namespace Cockpit.Tests.Bench;

/// <summary>The <c>cockpit</c> NAB detector scores what would page someone: an alert's onset and its escalation to critical.</summary>
public sealed class CockpitNabDetectorTests
{
    [Fact]
    public void Score_SustainedStep_OnsetAndEscalationToCriticalScoreEverythingElseIsZero()
    {
        var rule = new DetectionRuleOptions
        {
            Name = "nab",
            Detector = DetectorKind.LevelShift,
            Seasonal = false,
            CriticalAbove = 0.8,
            RecoveryPoints = 30,
        };
        var detector = new CockpitNabDetector("cockpit", rule, alertsOnly: true);
        var scheduler = new HistoricalScheduler();
        var noise = new double[400];
        Normal.Samples(new Random(3), noise, 0, 1);

        using var series = detector.Start(scheduler);
        var scores = new List<double>();
        for (var i = 0; i < noise.Length; i++)
        {
            // 100 ± 1, then from point 300 a lasting step of two standard deviations.
            var value = 100 + noise[i] + (i >= 300 ? 2 : 0);
            var point = new MetricPoint(SeriesKey.Create("nab", ("file", "test/step")), "value", value, UnixTime.ToNanos(TimeSpan.FromMinutes(i)), "nab");
            scores.Add(series.Score(point));
        }

        var pages = scores.Select((score, index) => (score, index)).Where(p => p.score > 0).ToList();
        Assert.Equal(2, pages.Count);
        var (onset, escalation) = (pages[0], pages[1]);
        Assert.InRange(onset.index, 300, 330);
        Assert.InRange(onset.score, 0.5, 0.8);
        Assert.True(escalation.index > onset.index);
        Assert.True(escalation.score >= 0.8, $"{escalation.score}");
    }
}
