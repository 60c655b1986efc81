using System.ComponentModel.DataAnnotations;
using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class NoDataDetectorTests
{
    // Points every minute, each arriving 5 s after its event time.
    private static readonly long LagNs = 5_000_000_000;

    private static NoDataDetector Detector() => new(new NoDataDetectorOptions());

    private static long FeedMinutes(NoDataDetector detector, int points, long startNs = 0)
    {
        for (var i = 0; i < points; i++)
        {
            detector.Observe(startNs + (i * MinuteNs), startNs + (i * MinuteNs) + LagNs);
        }

        return startNs + ((points - 1) * MinuteNs) + LagNs;
    }

    [Fact]
    public void Evaluate_BeforeThreeGaps_ReturnsNone()
    {
        var detector = Detector();
        var lastArrival = FeedMinutes(detector, 3);

        Assert.Equal(DetectorReading.None, detector.Evaluate(lastArrival + (60 * MinuteNs)));

        detector.Observe(3 * MinuteNs, lastArrival + MinuteNs);
        Assert.True(detector.Evaluate(lastArrival + (60 * MinuteNs)).HasOpinion);
    }

    [Fact]
    public void Evaluate_QuietBeforeKTimesTheUsualIntervalAndHalfAtK()
    {
        var detector = Detector();
        var lastArrival = FeedMinutes(detector, 20);

        var readings = Enumerable.Range(0, 50).Select(tenths => detector.Evaluate(lastArrival + (tenths * MinuteNs / 10))).ToArray();
        var atK = detector.Evaluate(lastArrival + (5 * MinuteNs));

        Assert.All(readings, r => Assert.True(r.Up < 0.5, $"{r}"));
        Assert.Equal(new DetectorReading(0.5, 0, MinuteNs, double.NaN, 5 * MinuteNs), atK);
        Assert.True(detector.Evaluate(lastArrival + (10 * MinuteNs)).Up > 0.9);
    }

    [Fact]
    public void Evaluate_UsualInterval_RobustToOneLongGap()
    {
        var detector = Detector();
        var lastArrival = FeedMinutes(detector, 10);
        var afterOutageNs = (9 * MinuteNs) + (2 * HourNs);
        detector.Observe(afterOutageNs, afterOutageNs + LagNs);
        lastArrival = FeedMinutes(detector, 3, afterOutageNs + MinuteNs);

        Assert.Equal(MinuteNs, detector.UsualIntervalNs);
        Assert.True(detector.Evaluate(lastArrival + (6 * MinuteNs)).Up >= 0.5);
    }

    [Fact]
    public void Observe_SeveralFieldsOfOneSampleAndLatePoints_AddNoGapButCountAsArrival()
    {
        var detector = Detector();
        var lastArrival = FeedMinutes(detector, 10);

        // Three fields of the next sample, then a late point from long ago arriving 30 minutes later still.
        var nextNs = 10 * MinuteNs;
        for (var field = 0; field < 3; field++)
        {
            detector.Observe(nextNs, lastArrival + MinuteNs);
        }

        detector.Observe(MinuteNs, lastArrival + (30 * MinuteNs));

        Assert.Equal(MinuteNs, detector.UsualIntervalNs);
        Assert.True(detector.Evaluate(lastArrival + (31 * MinuteNs)).Up < 0.1);
    }

    [Fact]
    public void Observe_AllocatesNothing()
    {
        var detector = Detector();
        var i = 0L;

        var allocated = AllocatedDuring(() =>
        {
            for (var end = i + 400; i < end; i++)
            {
                detector.Observe(i * MinuteNs, (i * MinuteNs) + LagNs);
                detector.Evaluate((i * MinuteNs) + (2 * LagNs));
            }
        });

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void StateBytes_AtMost100AndWhatIsAllocated()
    {
        var options = new NoDataDetectorOptions();

        var detector = new NoDataDetector(options);

        Assert.True(detector.StateBytes <= 100, $"{detector.StateBytes} B");
        Assert.Equal(AllocatedBy(() => new NoDataDetector(options)), detector.StateBytes);
    }

    [Fact]
    public void Options_Defaults_PassValidation()
    {
        var options = new NoDataDetectorOptions();

        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }
}
