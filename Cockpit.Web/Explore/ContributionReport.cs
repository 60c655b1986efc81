namespace Cockpit.Web.Explore;

/// <summary>What <see cref="ContributionAnalysis.Rank"/> found: the totals of both periods and the ranked combinations.</summary>
/// <param name="Dimensions">The tag keys the combinations are made of, in label order.</param>
/// <param name="BaselineTotal">The sum of every combination's baseline total.</param>
/// <param name="CurrentTotal">The sum of every combination's current total.</param>
/// <param name="Rows">
/// Every combination: those that moved with the total change first, then those that moved against it, each by absolute
/// delta, largest first (ties by label, ordinal).
/// </param>
public sealed record ContributionReport(
    IReadOnlyList<string> Dimensions,
    double BaselineTotal,
    double CurrentTotal,
    IReadOnlyList<ContributionRow> Rows)
{
    /// <summary>An empty report over <paramref name="dimensions"/>.</summary>
    public static ContributionReport Empty(IReadOnlyList<string> dimensions) => new(dimensions, 0, 0, []);

    /// <summary>The change of the total: <see cref="CurrentTotal"/> minus <see cref="BaselineTotal"/>.</summary>
    public double TotalDelta => CurrentTotal - BaselineTotal;

    /// <summary>The change of the total relative to the baseline (0.5 = +50 %); null when the baseline total is 0.</summary>
    public double? TotalChange => BaselineTotal != 0 ? TotalDelta / Math.Abs(BaselineTotal) : null;

    /// <summary>The first <paramref name="count"/> rows.</summary>
    public IReadOnlyList<ContributionRow> Top(int count) => Rows.Count <= count ? Rows : [.. Rows.Take(count)];

    /// <summary>
    /// The top contributors: at most <paramref name="count"/> rows that moved in the direction of the change and carry at
    /// least <paramref name="minShare"/> of it (0.005 = 0.5 %), largest first; none when the total did not change.
    /// </summary>
    public IReadOnlyList<ContributionRow> TopContributors(int count, double minShare) =>
        [.. Rows.Where(r => r.Share >= minShare).Take(count)];
}
