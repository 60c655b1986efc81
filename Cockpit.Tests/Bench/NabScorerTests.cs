extern alias bench;

using bench::Cockpit.Bench.Nab;

namespace Cockpit.Tests.Bench;

public sealed class NabScorerTests
{
    private static NabLabelledFile[] Corpus() =>
    [
        NabTestFiles.Labelled("a/two-windows.csv", 1000, (300, 349), (700, 749)),
        NabTestFiles.Labelled("a/one-window.csv", 400, (100, 139)),
        NabTestFiles.Labelled("b/no-window.csv", 500),
    ];

    [Fact]
    public void Score_PerfectDetector_100OnEveryProfile()
    {
        var scores = NabScorer.Score([.. Corpus().Select(NabTestFiles.Perfect)], NabProfile.All);

        Assert.Equal(3, scores.Count);
        Assert.All(scores, s =>
        {
            Assert.Equal(100, s.NormalisedScore, 9);
            Assert.Equal(1.0, s.Threshold);
            Assert.Equal(3, s.Windows);
            Assert.Equal(3, s.DetectedWindows);
            Assert.Equal(0, s.FalsePositives);
        });
    }

    [Fact]
    public void Score_NullDetector_0OnEveryProfile()
    {
        var scores = NabScorer.Score([.. Corpus().Select(f => NabTestFiles.Scored(f, _ => 0.5))], NabProfile.All);

        Assert.All(scores, s =>
        {
            Assert.Equal(0, s.NormalisedScore, 9);
            Assert.Equal(NabThresholdSweep.FirstCandidate, s.Threshold);
            Assert.Equal(3, s.MissedWindows);
        });
        Assert.Equal([-3.0, -3.0, -6.0], scores.Select(s => s.RawScore));
    }

    [Fact]
    public void ScoreAt_HandComputedFile_RawScoreFromScoringMdSigmas()
    {
        // 100 rows: probation 15; window rows 40–59 (W = 20). Detections: row 20 (before any window: −A_FP), row 50
        // (p = −10/20 = −0.5), row 69 (10 rows, half a width, after the window: p = 10/19) and row 78 (p = 19/19 = 1).
        var labels = NabTestFiles.Labelled(100, (40, 59));
        var file = NabTestFiles.Scored(labels, new Dictionary<int, double> { [20] = 1, [50] = 1, [69] = 1, [78] = 1 });

        foreach (var profile in NabProfile.All)
        {
            var fp = profile.FalsePositiveWeight;
            var expected = (0.84828 / 0.98661 * profile.TruePositiveWeight) - fp + (NabTestFiles.Sigma(10.0 / 19) * fp) + (-0.98661 * fp);

            var score = NabScorer.ScoreAt([file], profile, 1.0);

            Assert.Equal(expected, score.RawScore, 4);
            Assert.Equal((1, 0, 3), (score.DetectedWindows, score.MissedWindows, score.FalsePositives));
        }

        Assert.Equal(0.859792 - 0.11 - 0.095230 - 0.108527, NabScorer.ScoreAt([file], NabProfile.Standard, 1.0).RawScore, 4);
        Assert.Equal(1.0, NabScorer.Score([file], [NabProfile.Standard])[0].Threshold);
    }

    [Fact]
    public void ScoreAt_ThresholdNotAmongAFilesScores_FileUsesTheNearestCandidateAbove()
    {
        // θ = 0.9 comes from file a; file b has 0.95 and 0.85, so it is scored as at 0.95: one false positive.
        var a = NabTestFiles.Scored(NabTestFiles.Labelled("a/a.csv", 200, (100, 119)), new Dictionary<int, double> { [100] = 0.9 });
        var b = NabTestFiles.Scored(NabTestFiles.Labelled("b/b.csv", 200), new Dictionary<int, double> { [50] = 0.95, [60] = 0.85, [70] = 0.85 });

        var score = NabScorer.Score([a, b], [NabProfile.Standard])[0];

        Assert.Equal(0.9, score.Threshold);
        Assert.Equal(-0.11, score.Files[1].RawScore, 12);
        Assert.Equal(1, score.Files[1].FalsePositives);
        Assert.Equal(1.0 - 0.11, score.RawScore, 12);
    }

    [Fact]
    public void ScoreAt_ThresholdAbove1Point1_NothingDetected()
    {
        var files = Corpus().Select(f => NabTestFiles.Scored(f, _ => 1)).ToList();

        var score = NabScorer.ScoreAt(files, NabProfile.Standard, 1.5);

        Assert.Equal(-3.0, score.RawScore);
        Assert.Equal(0, score.NormalisedScore, 12);
        Assert.Equal(0, score.FalsePositives);
    }

    [Fact]
    public void Score_EveryScorableScoreOfAFileAboveTheThreshold_EveryRowOfItDetected()
    {
        // θ = 0.2 catches file a's window; file c's scorable rows all score ≥ 0.5 (its probation scores 0), so all
        // 17 of them are detected, each −A_FP as no window has ended there. NAB's code crashes on this file.
        var a = NabTestFiles.Scored(NabTestFiles.Labelled("a/a.csv", 200, (100, 119)), new Dictionary<int, double> { [100] = 0.2 });
        var c = NabTestFiles.Scored(NabTestFiles.Labelled("c/c.csv", 20), row => row < 3 ? 0 : 0.5 + (row / 100.0));

        var score = NabScorer.Score([a, c], [NabProfile.Standard])[0];

        Assert.Equal(0.2, score.Threshold);
        Assert.Equal(-0.11 * 17, score.Files[1].RawScore, 12);
        Assert.Equal(17, score.Files[1].FalsePositives);
        Assert.Equal(1 - (0.11 * 17), score.RawScore, 12);
    }

    [Fact]
    public void Score_DetectionsInTheProbationaryPeriod_CountForNothing()
    {
        var labels = NabTestFiles.Labelled(200, (100, 119));
        var clean = NabTestFiles.Scored(labels, new Dictionary<int, double> { [100] = 1 });
        var noisy = NabTestFiles.Scored(labels, new Dictionary<int, double> { [0] = 1, [10] = 1, [29] = 1, [100] = 1 });

        var score = NabScorer.Score([noisy], [NabProfile.Standard])[0];

        Assert.Equal(NabScorer.Score([clean], [NabProfile.Standard])[0].RawScore, score.RawScore);
        Assert.Equal(1.0, score.RawScore, 12);
        Assert.Equal(0, score.FalsePositives);
    }

    [Fact]
    public void Score_WindowInTheProbationaryPeriod_CountsInWButCostsNothing()
    {
        // NAB's labeller never writes such a window, but W is taken from the windows file as it is; NAB's scorer
        // only ever sees windows with scorable rows.
        var labels = NabTestFiles.Labelled(1000, (50, 69), (400, 419));

        var score = NabScorer.Score([NabTestFiles.Perfect(labels)], [NabProfile.Standard])[0];

        Assert.Equal(2, score.Windows);
        Assert.Equal((1, 0), (score.DetectedWindows, score.MissedWindows));
        Assert.Equal(1.0, score.RawScore, 12);
        Assert.Equal(100 * (1.0 + 2) / 4, score.NormalisedScore, 9);
    }

    [Fact]
    public void Normalise_UsesWindowCount_NullIs0AndPerfectIs100()
    {
        Assert.Equal(0, NabScorer.Normalise(-64, 64, NabProfile.Standard), 12);
        Assert.Equal(100, NabScorer.Normalise(64, 64, NabProfile.RewardLowFalsePositiveRate), 12);
        Assert.Equal(0, NabScorer.Normalise(-128, 64, NabProfile.RewardLowFalseNegativeRate), 12);
        Assert.Equal(100 * (10.0 + 128) / 192, NabScorer.Normalise(10, 64, NabProfile.RewardLowFalseNegativeRate), 12);
        Assert.True(double.IsNaN(NabScorer.Normalise(0, 0, NabProfile.Standard)));
    }

    [Fact]
    public void Score_ScoresOutsideZeroToOneOrTooFew_Throw()
    {
        var labels = NabTestFiles.Labelled(100, (40, 59));

        Assert.Throws<ArgumentException>(() => NabScorer.Score([NabTestFiles.Scored(labels, _ => 1.2)], NabProfile.All));
        Assert.Throws<ArgumentException>(() => NabScorer.Score([NabTestFiles.Scored(labels, _ => double.NaN)], NabProfile.All));
        Assert.Throws<ArgumentException>(() => NabScorer.Score([new NabScoredFile(labels, [0.5])], NabProfile.All));
    }
}
