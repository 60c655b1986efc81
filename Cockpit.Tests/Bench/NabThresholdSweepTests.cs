extern alias bench;

using bench::Cockpit.Bench.Nab;

namespace Cockpit.Tests.Bench;

public sealed class NabThresholdSweepTests
{
    [Fact]
    public void Best_NoScorableRowAboveZero_IsTheFirstCandidateWithEveryWindowMissed()
    {
        var labels = NabTestFiles.Labelled(200, (100, 119));

        var best = new NabThresholdSweep([NabTestFiles.Scored(labels, _ => 0)]).Best(NabProfile.RewardLowFalseNegativeRate);

        Assert.Equal(NabThresholdSweep.FirstCandidate, best.Threshold);
        Assert.Equal(-2.0, best.RawScore);
    }

    [Fact]
    public void Best_TwoThresholdsWithTheSameScore_TheHigherWins()
    {
        // 0.9 and 0.8 both catch the window on its first row; the second detection adds nothing.
        var labels = NabTestFiles.Labelled(200, (100, 119));
        var file = NabTestFiles.Scored(labels, new Dictionary<int, double> { [100] = 0.9, [110] = 0.8 });

        var best = new NabThresholdSweep([file]).Best(NabProfile.Standard);

        Assert.Equal(0.9, best.Threshold);
        Assert.Equal(1.0, best.RawScore, 12);
        Assert.Equal(1.0, NabScorer.ScoreAt([file], NabProfile.Standard, 0.8).RawScore, 12);
    }

    [Fact]
    public void Best_ScoresInTheProbationaryPeriod_AreNoCandidates()
    {
        var labels = NabTestFiles.Labelled(200, (100, 119));
        var file = NabTestFiles.Scored(labels, new Dictionary<int, double> { [5] = 0.95, [29] = 0.95, [100] = 0.9 });

        var sweep = new NabThresholdSweep([file]);
        var best = sweep.Best(NabProfile.Standard);

        Assert.Equal(170, sweep.RowCount);
        Assert.Equal(0.9, best.Threshold);
        Assert.Equal(1.0, best.RawScore, 12);
    }

    [Fact]
    public void Best_OnlyTheEarliestDetectionOfAWindowCounts()
    {
        // The later row scores higher; lowering the threshold to reach the earlier one raises the window's value.
        var labels = NabTestFiles.Labelled(200, (100, 119));
        var file = NabTestFiles.Scored(labels, new Dictionary<int, double> { [100] = 0.6, [115] = 0.9 });

        var best = new NabThresholdSweep([file]).Best(NabProfile.Standard);

        Assert.Equal(0.6, best.Threshold);
        Assert.Equal(1.0, best.RawScore, 12);
    }

    [Fact]
    public void Best_PooledOverFiles_AgreesWithScoringEachFileAtEveryCandidate()
    {
        var a = NabTestFiles.Labelled("a/a.csv", 300, (100, 119), (200, 229));
        var b = NabTestFiles.Labelled("b/b.csv", 250, (180, 199));
        var c = NabTestFiles.Labelled("c/c.csv", 150);
        var random = new Random(7);
        NabScoredFile[] files =
        [
            NabTestFiles.Scored(a, _ => Math.Round(random.NextDouble(), 2)),
            NabTestFiles.Scored(b, _ => Math.Round(random.NextDouble(), 2)),
            NabTestFiles.Scored(c, _ => Math.Round(random.NextDouble(), 2)),
        ];
        var candidates = files.SelectMany(f => f.Scores).Distinct().Append(NabThresholdSweep.FirstCandidate).OrderDescending().ToList();

        foreach (var profile in NabProfile.All)
        {
            var best = new NabThresholdSweep(files).Best(profile);
            var exhaustive = candidates.Select(t => NabScorer.ScoreAt(files, profile, t)).ToList();
            var top = exhaustive.Max(s => s.RawScore);

            Assert.Equal(top, best.RawScore, 9);
            Assert.Equal(exhaustive.First(s => s.RawScore >= top - 1e-9).Threshold, best.Threshold);
        }
    }
}
