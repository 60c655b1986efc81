using Cockpit.Detection.Detectors;
using static Cockpit.Tests.Detection.Detectors.DetectorRuns;

namespace Cockpit.Tests.Detection.Detectors;

public sealed class ScoreCalibrationTests
{
    private static readonly long NightlyJobNs = ChinaMondayNs + (2 * HourNs);

    // A quiet series of five-minute points (evidence a fifth of the edge) with, at the same time every night, evidence
    // 3 × the edge.
    private static double[] NightlyJobScores(ScoreCalibration calibration, int nights)
    {
        var scores = new double[nights];
        for (var night = 0; night < nights; night++)
        {
            var nightNs = NightlyJobNs + (night * DayNs);
            for (var minute = -1435; minute < 0; minute += 5)
            {
                calibration.Calibrate(nightNs + (minute * MinuteNs), AnomalyScale.Score(0.2, 1, 1), 0.2, 10);
            }

            scores[night] = calibration.Calibrate(nightNs, AnomalyScale.Score(3, 1, 1), 3, 10 + night);
        }

        return scores;
    }

    [Fact]
    public void Calibrate_AnomalyAtTheSameTimeEveryNight_NeedsTwiceTheEvidenceFromTheSecondNight()
    {
        var routines = NightlyJobScores(new ScoreCalibration(new ScoreRarityOptions()), 4);
        var rarityOnly = NightlyJobScores(new ScoreCalibration(new ScoreRarityOptions { DailyRoutines = false }), 4);

        Assert.Equal(rarityOnly[0], routines[0]);
        Assert.True(rarityOnly[1] >= AnomalyScale.Edge, $"{rarityOnly[1]}");
        for (var night = 1; night < routines.Length; night++)
        {
            var damped = rarityOnly[night] >= AnomalyScale.Edge ? AnomalyScale.Sharpen(rarityOnly[night], 0.5) : rarityOnly[night];
            Assert.Equal(damped, routines[night], 12);
        }
    }

    [Fact]
    public void Calibrate_NaN_StaysNaN()
    {
        Assert.True(double.IsNaN(new ScoreCalibration(new ScoreRarityOptions()).Calibrate(NightlyJobNs, double.NaN, 1, 1)));
    }

    [Fact]
    public void StateBytes_AtMost240AndWhatIsAllocated()
    {
        var options = new ScoreRarityOptions();
        var calibration = new ScoreCalibration(options);

        Assert.True(calibration.StateBytes <= 240, $"{calibration.StateBytes} B");
        Assert.Equal(AllocatedBy(() => new ScoreCalibration(options)), calibration.StateBytes);
    }
}
