namespace Cockpit.Bench.Nab;

/// <summary>
/// A detector's leave-one-category-out result under one profile (GENERALITY.md): each category scored at a threshold
/// fitted without it, and the total over the corpus.
/// </summary>
/// <param name="Profile">The cost profile.</param>
/// <param name="Categories">Each category's part, in corpus order.</param>
public sealed record NabLeaveOneCategoryOutScore(NabProfile Profile, IReadOnlyList<NabCategoryScore> Categories)
{
    /// <summary>The sum of the categories' raw scores, each at its own out-of-category threshold.</summary>
    public double RawScore => Categories.Sum(c => c.Score.RawScore);

    /// <summary>W of the whole corpus.</summary>
    public int Windows => Categories.Sum(c => c.Score.Windows);

    /// <summary>
    /// <see cref="RawScore"/> normalised with the whole corpus's null and perfect scores: the window-weighted mean of
    /// the categories' normalised scores, with the false positives of categories without windows still charged.
    /// </summary>
    public double NormalisedScore => NabScorer.Normalise(RawScore, Windows, Profile);

    /// <summary>Windows with at least one detection, over every category.</summary>
    public int DetectedWindows => Categories.Sum(c => c.Score.DetectedWindows);

    /// <summary>Scorable windows without a detection, over every category.</summary>
    public int MissedWindows => Categories.Sum(c => c.Score.MissedWindows);

    /// <summary>Detections outside every window, over every category.</summary>
    public int FalsePositives => Categories.Sum(c => c.Score.FalsePositives);
}
