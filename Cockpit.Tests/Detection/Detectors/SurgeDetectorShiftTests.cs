using Cockpit.Detection.Detectors;

namespace Cockpit.Tests.Detection.Detectors;

/// <summary>How long a surge stays a surge before its level is accepted as the new normal.</summary>
public sealed class SurgeDetectorShiftTests
{
    // Anomalous values in a row after a jump from noise around 10 to noise around 40.
    private static int AnomalousRun(int? acceptShiftAfter)
    {
        var detector = new SurgeDetector(new SurgeDetectorOptions { AcceptShiftAfter = acceptShiftAfter });
        var context = new DetectorContext();
        var random = new Random(7);
        var time = 0L;
        for (var i = 0; i < 200; i++)
        {
            detector.Observe(time++, 10 + random.NextDouble(), context);
        }

        var run = 0;
        for (var i = 0; i < 400; i++)
        {
            if (detector.Observe(time++, 40 + random.NextDouble(), context).Up < AnomalyScale.Edge)
            {
                break;
            }

            run++;
        }

        return run;
    }

    [Fact]
    public void Observe_LastingJump_AcceptedAfterHalfAWindowByDefault() => Assert.Equal(32, AnomalousRun(null));

    [Fact]
    public void Observe_LastingJump_WithAcceptShiftAfter_StaysASurgeThatLong() => Assert.Equal(180, AnomalousRun(180));
}
