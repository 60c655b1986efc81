extern alias bench;

using System.Reactive.Concurrency;
using bench::Cockpit.Bench.Nab;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Bench;

public sealed class NabReplayTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly NabReplay _replay = new();

    public void Dispose()
    {
        _replay.Dispose();
        _dir.Dispose();
    }

    private NabDataFile Write(string content, IReadOnlyList<NabWindow>? windows = null)
    {
        var path = Path.Combine(_dir.Path, "data", "realTraffic", "speed_test.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return NabDataFile.Load(path, "realTraffic", windows ?? []);
    }

    [Fact]
    public void Score_NabRows_OnePointPerRowInOrderInVirtualTimeOnTheFileSeries()
    {
        // Repeated timestamps, as in NAB's ec2_network_in_5abac7.csv: one replay batch, still one point per row.
        var file = Write("""
            timestamp,value
            2014-03-09 02:55:00,1.5
            2014-03-09 03:00:00,2
            2014-03-09 03:00:00,3
            2014-03-09 03:00:00,4
            2015-07-10 14:24:00,564
            """);
        var detector = new RecordingDetector(score: 0.25);

        var scores = _replay.Score(file, detector);

        Assert.Equal([0.25, 0.25, 0.25, 0.25, 0.25], scores);
        Assert.Equal([1.5, 2, 3, 4, 564], detector.Points.Select(p => p.Point.Value));
        Assert.Equal(file.Rows.Select(r => UnixTime.ToNanos(r.Time)), detector.Points.Select(p => p.Point.TimestampNs));
        Assert.All(detector.Points, p => Assert.Equal(p.Point.Time, p.Now));
        Assert.All(detector.Points, p => Assert.Equal(SeriesKey.Create("nab", ("file", "realTraffic/speed_test")), p.Point.Series));
        Assert.Equal(1, detector.Started);
        Assert.Equal(1, detector.Disposed);
    }

    [Fact]
    public void Score_RowTheReplayRejects_FailsWithFileAndLine()
    {
        var file = Write("""
            timestamp,value
            2015-07-10 14:24:00,564
            2015-07-10 14:38:00,abc
            2015-07-10 14:48:00,566
            """);

        var error = Assert.Throws<InvalidDataException>(() => _replay.Score(file, new RecordingDetector(0)));

        Assert.Contains("speed_test.csv:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("rejected", error.Message, StringComparison.Ordinal);
        Assert.Contains("'abc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_RowWithoutAValue_FailsWithFileAndLine()
    {
        var file = Write("timestamp,value\n2015-07-10 14:24:00,564\n2015-07-10 14:38:00,\n");

        var error = Assert.Throws<InvalidDataException>(() => _replay.Score(file, new RecordingDetector(0)));

        Assert.Contains("speed_test.csv:3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DetectorScoreOutsideZeroToOne_FailsNamingTheDetector()
    {
        var file = Write("timestamp,value\n2015-07-10 14:24:00,564\n");

        var error = Assert.Throws<InvalidDataException>(() => _replay.Score(file, new RecordingDetector(1.5)));

        Assert.Contains("detector recording", error.Message, StringComparison.Ordinal);
        Assert.Contains("speed_test.csv:2", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingDetector(double score) : INabDetector
    {
        public List<(MetricPoint Point, DateTimeOffset Now)> Points { get; } = [];

        public int Started { get; private set; }

        public int Disposed { get; set; }

        public string Name => "recording";

        public double Value => score;

        public INabSeries Start(IScheduler scheduler)
        {
            Started++;
            return new Series(this, scheduler);
        }

        private sealed class Series(RecordingDetector owner, IScheduler scheduler) : INabSeries
        {
            public double Score(in MetricPoint point)
            {
                owner.Points.Add((point, scheduler.Now));
                return owner.Value;
            }

            public void Dispose() => owner.Disposed++;
        }
    }
}
