namespace Cockpit.Bench.Nab;

/// <summary>
/// Leave one category out (GENERALITY.md): for each category, the threshold is fitted per profile by NAB's optimiser
/// (<see cref="NabThresholdSweep"/>) on the scored files of the other categories only, and this category's files are
/// scored at it. NAB's own figure fits the threshold on the very files it scores; this one shows what a threshold
/// learnt elsewhere gives, so a change that raises only the fitted figure is seen to fit rather than detect.
/// </summary>
public static class NabLeaveOneCategoryOut
{
    /// <summary>Scores every category of <paramref name="files"/> (by <see cref="NabLabelledFile.Category"/>) under each profile.</summary>
    public static IReadOnlyList<NabLeaveOneCategoryOutScore> Score(IReadOnlyList<NabScoredFile> files, IReadOnlyList<NabProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(profiles);
        var categories = files.Select(f => f.Labels.Category).Distinct(StringComparer.Ordinal).ToList();
        var parts = profiles.Select(_ => new List<NabCategoryScore>(categories.Count)).ToList();
        foreach (var category in categories)
        {
            var inside = files.Where(f => f.Labels.Category == category).ToList();
            // One sort of the other categories' rows serves every profile.
            var sweep = new NabThresholdSweep([.. files.Where(f => f.Labels.Category != category)]);
            for (var p = 0; p < profiles.Count; p++)
            {
                var threshold = sweep.Best(profiles[p]).Threshold;
                parts[p].Add(new NabCategoryScore(category, NabScorer.ScoreAt(inside, profiles[p], threshold)));
            }
        }

        return [.. profiles.Select((profile, p) => new NabLeaveOneCategoryOutScore(profile, parts[p]))];
    }
}
