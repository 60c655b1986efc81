namespace Cockpit.Web.Explore;

/// <summary>What an explore view shows: the lines over the range and the contribution of each tag-value combination to the change.</summary>
/// <param name="State">The state it answers (complete).</param>
/// <param name="From">The current range's start (inclusive).</param>
/// <param name="To">The current range's end (exclusive).</param>
/// <param name="BaselineFrom">The start of the period the contribution table compares with.</param>
/// <param name="BaselineTo">Its end.</param>
/// <param name="Lines">One line per group, by name (ordinal).</param>
/// <param name="Contribution">The ranked combinations of the state's dimensions.</param>
public sealed record ExploreResult(
    ExploreState State,
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset BaselineFrom,
    DateTimeOffset BaselineTo,
    IReadOnlyList<ExploreLine> Lines,
    ContributionReport Contribution)
{
    /// <summary>Buckets drawn, comparison included.</summary>
    public int PointCount => Lines.Sum(l => l.Points.Count + l.Comparison.Count);
}
