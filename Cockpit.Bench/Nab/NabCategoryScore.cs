namespace Cockpit.Bench.Nab;

/// <summary>
/// One category's part of a leave-one-category-out evaluation: its files scored at the threshold fitted on the
/// other categories only.
/// </summary>
/// <param name="Category">The folder under <c>data/</c>, e.g. <c>realTraffic</c>.</param>
/// <param name="Score">
/// The category's files scored at that threshold (<see cref="NabProfileScore.Threshold"/>); its normalised score uses
/// the category's own W, so it is NaN for a category without windows.
/// </param>
public sealed record NabCategoryScore(string Category, NabProfileScore Score);
