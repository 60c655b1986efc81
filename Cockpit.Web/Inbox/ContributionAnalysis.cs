namespace Cockpit.Web.Inbox;

/// <summary>
/// Which parts account for a change between two periods: each part's change divided by the total change. Pure.
/// Internal stand-in until the explore page's <c>Cockpit.Web.Explore.ContributionAnalysis</c> is merged and reused.
/// </summary>
internal static class ContributionAnalysis
{
    /// <summary>
    /// Ranks <paramref name="parts"/> by how much of the total change they carry, largest share first; parts that
    /// moved against the total get negative shares and go last. Values are rates (per unit of time) so that periods
    /// of different length compare. No total change (or a non-finite one) gives no contributions.
    /// </summary>
    public static IReadOnlyList<Contribution> Rank(IEnumerable<ContributionPart> parts, int top)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var finite = parts.Where(p => double.IsFinite(p.Before) && double.IsFinite(p.After)).ToList();
        var total = finite.Sum(p => p.After - p.Before);
        if (!double.IsFinite(total) || Math.Abs(total) < 1e-12)
        {
            return [];
        }

        return [.. finite
            .Select(p => new Contribution(p.Name, p.Before, p.After, (p.After - p.Before) / total))
            .Where(c => Math.Abs(c.Share) >= 0.005)
            .OrderByDescending(c => c.Share)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(top)];
    }
}

/// <summary>One part's rate in the period before and the period after.</summary>
public readonly record struct ContributionPart(string Name, double Before, double After);

/// <summary>A part's change and its share of the total change (1 = all of it; negative: moved the other way).</summary>
public readonly record struct Contribution(string Name, double Before, double After, double Share)
{
    public double Change => After - Before;
}
