extern alias bench;

using System.Reactive.Concurrency;
using bench::Cockpit.Bench.Nab;
using Cockpit.Detection.Detectors;
using Cockpit.Ingest.Model;

namespace Cockpit.Tests.Bench;

public sealed class NabSeriesDetectorTests
{
    private static MetricPoint Point(double value, long timestampNs = 1_000) =>
        new(SeriesKey.Create("nab", ("file", "test/file")), "value", value, timestampNs, "nab");

    [Fact]
    public void Start_EachFile_FreshDetectorWhoseScoreInTheDirectionIsTheAnomalyScore()
    {
        var created = new List<ScriptedDetector>();
        var detector = new NabSeriesDetector("scripted", () =>
        {
            var d = new ScriptedDetector();
            created.Add(d);
            return d;
        }, Direction.Down);

        using var first = detector.Start(new HistoricalScheduler());
        using var second = detector.Start(new HistoricalScheduler());

        Assert.Equal("scripted", detector.Name);
        Assert.Equal(2, created.Count);
        Assert.Equal(0, first.Score(Point(double.NaN)));
        Assert.Equal(0.75, first.Score(Point(3)));
        Assert.Equal([3.0], created[0].Seen);
        Assert.Empty(created[1].Seen);
    }

    /// <summary>No opinion for a non-finite value; otherwise up = 0.25 and down = 0.75.</summary>
    private sealed class ScriptedDetector : ISeriesDetector
    {
        public List<double> Seen { get; } = [];

        public int StateBytes => 0;

        public DetectorReading Observe(long timestampNs, double value, DetectorContext context)
        {
            if (!double.IsFinite(value))
            {
                return DetectorReading.None;
            }

            Seen.Add(value);
            return new DetectorReading(0.25, 0.75, value, value - 1, value + 1);
        }
    }
}
