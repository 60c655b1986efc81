extern alias bench;

using bench::Cockpit.Bench.Nab;

namespace Cockpit.Tests.Bench;

public sealed class NabLeaveOneCategoryOutTests
{
    /// <summary>
    /// Three categories of one 200-row file each (probation 30 rows). a: window 100–119 caught on its first row at
    /// 0.9, a false positive before it at 0.6. b: window 100–119 caught on its first row at 0.6, a false positive at
    /// 0.9 more than three widths after it (σ = −1). c: no window, a false positive at 0.7.
    /// </summary>
    private static NabScoredFile[] Corpus() =>
    [
        NabTestFiles.Scored(NabTestFiles.Labelled("a/a.csv", 200, (100, 119)), new Dictionary<int, double> { [50] = 0.6, [100] = 0.9 }),
        NabTestFiles.Scored(NabTestFiles.Labelled("b/b.csv", 200, (100, 119)), new Dictionary<int, double> { [100] = 0.6, [190] = 0.9 }),
        NabTestFiles.Scored(NabTestFiles.Labelled("c/c.csv", 200), new Dictionary<int, double> { [100] = 0.7 }),
    ];

    [Fact]
    public void Score_HandComputedCorpus_EachCategoryAtTheThresholdOfTheOthers()
    {
        // Standard (A_FP 0.11). a, fitted on b + c: 0.9 gives −1 − 0.11, 0.7 gives −1 − 0.22, 0.6 gives 1 − 0.22 (best);
        // a at 0.6 = 1 − 0.11. b, fitted on a + c: 0.9 gives 1 (best); b at 0.9 = −1 (missed) − 0.11.
        // c, fitted on a + b: 0.9 gives 1 − 1 − 0.11, 0.6 gives 2 − 0.22 (best); c at 0.6 = −0.11.
        var standard = NabLeaveOneCategoryOut.Score(Corpus(), [NabProfile.Standard])[0];

        Assert.Equal(["a", "b", "c"], standard.Categories.Select(c => c.Category));
        Assert.Equal([0.6, 0.9, 0.6], standard.Categories.Select(c => c.Score.Threshold));
        Assert.Equal(0.89, standard.Categories[0].Score.RawScore, 12);
        Assert.Equal(-1.11, standard.Categories[1].Score.RawScore, 12);
        Assert.Equal(-0.11, standard.Categories[2].Score.RawScore, 12);
        Assert.Equal(100 * (0.89 + 1) / 2, standard.Categories[0].Score.NormalisedScore, 9);
        Assert.Equal(100 * (-1.11 + 1) / 2, standard.Categories[1].Score.NormalisedScore, 9);
        Assert.True(double.IsNaN(standard.Categories[2].Score.NormalisedScore));
        Assert.Equal((1, 0, 1), (standard.Categories[0].Score.DetectedWindows, standard.Categories[0].Score.MissedWindows, standard.Categories[0].Score.FalsePositives));
        Assert.Equal((0, 1, 1), (standard.Categories[1].Score.DetectedWindows, standard.Categories[1].Score.MissedWindows, standard.Categories[1].Score.FalsePositives));
        Assert.Equal((0, 0, 1), (standard.Categories[2].Score.Windows, standard.Categories[2].Score.MissedWindows, standard.Categories[2].Score.FalsePositives));

        // The total: raw scores added, normalised with the whole corpus's W = 2 (c's false positive still costs).
        Assert.Equal(-0.33, standard.RawScore, 12);
        Assert.Equal(100 * (-0.33 + 2) / 4, standard.NormalisedScore, 9);
        Assert.Equal((2, 1, 1, 3), (standard.Windows, standard.DetectedWindows, standard.MissedWindows, standard.FalsePositives));
    }

    [Fact]
    public void Score_HandComputedCorpus_RewardLowFalsePositiveRateFitsItsOwnThresholds()
    {
        // A_FP 0.22: the same thresholds win (0.6, 0.9, 0.6); a = 1 − 0.22, b = −1 − 0.22, c = −0.22.
        var lowFalsePositive = NabLeaveOneCategoryOut.Score(Corpus(), NabProfile.All)[1];

        Assert.Same(NabProfile.RewardLowFalsePositiveRate, lowFalsePositive.Profile);
        Assert.Equal([0.6, 0.9, 0.6], lowFalsePositive.Categories.Select(c => c.Score.Threshold));
        Assert.Equal([0.78, -1.22, -0.22], lowFalsePositive.Categories.Select(c => Math.Round(c.Score.RawScore, 12)));
        Assert.Equal(100 * (-0.66 + 2) / 4, lowFalsePositive.NormalisedScore, 9);
    }

    [Fact]
    public void Score_EveryProfile_CategoryThresholdIsTheSweepOverTheOtherCategories()
    {
        var files = Corpus();

        foreach (var result in NabLeaveOneCategoryOut.Score(files, NabProfile.All))
        {
            foreach (var category in result.Categories)
            {
                var others = files.Where(f => f.Labels.Category != category.Category).ToList();
                Assert.Equal(new NabThresholdSweep(others).Best(result.Profile).Threshold, category.Score.Threshold);
            }
        }
    }

    [Fact]
    public void Score_NoFalsePositiveInTheCategoryWithoutWindows_TotalIsTheWindowWeightedMean()
    {
        // Two windows in a, one in b: the total is (2·score(a) + score(b))/3.
        NabScoredFile[] files =
        [
            NabTestFiles.Scored(NabTestFiles.Labelled("a/a.csv", 400, (100, 119), (300, 319)), new Dictionary<int, double> { [100] = 0.9, [310] = 0.5 }),
            NabTestFiles.Scored(NabTestFiles.Labelled("b/b.csv", 200, (100, 119)), new Dictionary<int, double> { [110] = 0.8, [190] = 0.6 }),
            NabTestFiles.Scored(NabTestFiles.Labelled("c/c.csv", 200), _ => 0),
        ];

        var standard = NabLeaveOneCategoryOut.Score(files, [NabProfile.Standard])[0];

        Assert.Equal(0, standard.Categories[2].Score.FalsePositives);
        var (a, b) = (standard.Categories[0].Score, standard.Categories[1].Score);
        Assert.Equal(((2 * a.NormalisedScore) + b.NormalisedScore) / 3, standard.NormalisedScore, 9);
    }

    [Fact]
    public void Score_OneCategory_NothingToFitOnSoNothingIsDetected()
    {
        var only = NabTestFiles.Scored(NabTestFiles.Labelled("a/a.csv", 200, (100, 119)), new Dictionary<int, double> { [100] = 1 });

        var standard = NabLeaveOneCategoryOut.Score([only], [NabProfile.Standard])[0];

        Assert.Equal(NabThresholdSweep.FirstCandidate, standard.Categories.Single().Score.Threshold);
        Assert.Equal(-1.0, standard.RawScore);
        Assert.Equal(0, standard.NormalisedScore, 12);
    }
}
