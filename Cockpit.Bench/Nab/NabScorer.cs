namespace Cockpit.Bench.Nab;

/// <summary>
/// Scores a detector the way NAB does (SCORING.md): one threshold per profile optimised over the pooled corpus,
/// then each file scored at it and the file scores added and normalised so that a perfect detector gets 100 and
/// the null detector 0.
/// </summary>
public static class NabScorer
{
    /// <summary>Optimises the threshold for each of <paramref name="profiles"/> and scores the corpus at it.</summary>
    public static IReadOnlyList<NabProfileScore> Score(IReadOnlyList<NabScoredFile> files, IReadOnlyList<NabProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var sweep = new NabThresholdSweep(files);
        return [.. profiles.Select(profile => ScoreAt(files, profile, sweep.Best(profile).Threshold))];
    }

    /// <summary>
    /// Scores every file at <paramref name="threshold"/>. A detection is a scorable row with score ≥ θ. This is what
    /// NAB's per-file step means by "the nearest candidate above θ", including its two crash cases: θ above 1.1
    /// (nothing detected) and a file whose every scorable score is above θ (everything detected).
    /// </summary>
    public static NabProfileScore ScoreAt(IReadOnlyList<NabScoredFile> files, NabProfile profile, double threshold)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(profile);
        var fileScores = new List<NabFileScore>(files.Count);
        foreach (var file in files)
        {
            file.Validate();
            fileScores.Add(ScoreFile(file, profile, threshold));
        }

        var raw = fileScores.Sum(f => f.RawScore);
        var windows = fileScores.Sum(f => f.Windows);
        return new NabProfileScore(
            profile,
            threshold,
            raw,
            Normalise(raw, windows, profile),
            windows,
            fileScores.Sum(f => f.DetectedWindows),
            fileScores.Sum(f => f.MissedWindows),
            fileScores.Sum(f => f.FalsePositives),
            fileScores);
    }

    /// <summary>
    /// 100·(S_raw − S_null)/(S_perfect − S_null) with S_perfect = A_TP·W and S_null = −A_FN·W (SCORING.md §7);
    /// NaN when W is 0.
    /// </summary>
    public static double Normalise(double rawScore, int windows, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var perfect = profile.TruePositiveWeight * windows;
        var none = -profile.FalseNegativeWeight * windows;
        return windows == 0 ? double.NaN : 100 * (rawScore - none) / (perfect - none);
    }

    private static NabFileScore ScoreFile(NabScoredFile file, NabProfile profile, double threshold)
    {
        var labels = file.Labels;
        var best = new double?[labels.WindowCount];
        var scorable = new bool[labels.WindowCount];
        var falsePositiveSum = 0.0;
        var falsePositives = 0;
        for (var row = 0; row < labels.RowCount; row++)
        {
            if (!labels.IsScorable(row))
            {
                continue;
            }

            var window = labels.WindowOf(row);
            if (window != NabLabelledFile.Outside)
            {
                scorable[window] = true;
            }

            if (file.Scores[row] < threshold)
            {
                continue;
            }

            var value = labels.Weighted(row, profile);
            if (window == NabLabelledFile.Outside)
            {
                falsePositiveSum += value;
                falsePositives++;
            }
            else if (best[window] is not { } seen || value > seen)
            {
                best[window] = value;
            }
        }

        var raw = falsePositiveSum;
        var detected = 0;
        var missed = 0;
        for (var w = 0; w < best.Length; w++)
        {
            if (best[w] is { } value)
            {
                raw += value;
                detected++;
            }
            else if (scorable[w])
            {
                raw -= profile.FalseNegativeWeight;
                missed++;
            }
        }

        return new NabFileScore(labels.Key, raw, labels.WindowCount, detected, missed, falsePositives);
    }
}
