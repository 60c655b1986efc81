namespace Cockpit.Web.Explore;

/// <summary>
/// Which tag values account for a change: given the totals of each tag-value combination in a baseline period and a
/// current period, ranks the combinations (projected onto the chosen dimensions) by how much of the total change each
/// one carries. Pure and deterministic. The one analysis of its kind: the explore page's contribution table shows every
/// row, the alert detail's top contributors the first few in the direction of the change
/// (<see cref="ContributionReport.TopContributors"/>).
/// </summary>
/// <remarks>
/// A combination's share is its delta divided by the total delta, so the shares add up to 100 % and a combination that
/// moved against the total has a negative share. That reading is exact for additive totals (sums, counts, rates per
/// hour); for means the ranking by delta still holds, but the shares are shares of the summed deltas.
/// </remarks>
public static class ContributionAnalysis
{
    // A total change this small relative to the totals is rounding (rates are sums divided by hours), not a change.
    private const double NoChange = 1e-9;

    /// <summary>
    /// Projects both periods onto <paramref name="dimensions"/> (summing combinations that agree on them, dropping
    /// non-finite values), then ranks every combination seen in either period: those that moved with the total change
    /// first, then those that moved against it, each by absolute delta (ties by label). Without a total change (0, or
    /// rounding noise below a billionth of the totals) there are no shares and the rows go by absolute delta.
    /// </summary>
    /// <param name="dimensions">Tag keys, in label order; empty ranks the single total.</param>
    /// <param name="baseline">Totals of the period compared against (e.g. the same hours a week earlier).</param>
    /// <param name="current">Totals of the period being explained.</param>
    public static ContributionReport Rank(
        IReadOnlyList<string> dimensions,
        IEnumerable<ContributionTotal> baseline,
        IEnumerable<ContributionTotal> current)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);

        var cells = new Dictionary<string, (string[] Values, double Baseline, double Current)>(StringComparer.Ordinal);
        var baselineTotal = Add(cells, dimensions, baseline, isCurrent: false);
        var currentTotal = Add(cells, dimensions, current, isCurrent: true);
        var totalDelta = currentTotal - baselineTotal;
        var changed = Math.Abs(totalDelta) > NoChange * Math.Max(Math.Abs(baselineTotal), Math.Abs(currentTotal));
        var direction = changed ? Math.Sign(totalDelta) : 0;

        var rows = cells.Values
            .Select(c => new ContributionRow(c.Values, c.Baseline, c.Current, c.Current - c.Baseline, changed ? (c.Current - c.Baseline) / totalDelta : null))
            .OrderBy(r => direction != 0 && Math.Sign(r.Delta) == -direction ? 1 : 0)
            .ThenByDescending(r => Math.Abs(r.Delta))
            .ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToArray();
        return new ContributionReport([.. dimensions], baselineTotal, currentTotal, rows);
    }

    private static double Add(
        Dictionary<string, (string[] Values, double Baseline, double Current)> cells,
        IReadOnlyList<string> dimensions,
        IEnumerable<ContributionTotal> totals,
        bool isCurrent)
    {
        var sum = 0.0;
        foreach (var total in totals)
        {
            if (!double.IsFinite(total.Value))
            {
                continue;
            }

            var values = new string[dimensions.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = total.Tags.TryGetValue(dimensions[i], out var value) ? value : "";
            }

            // A key that cannot collide: each value's length before it.
            var key = string.Concat(values.Select(v => $"{v.Length}:{v}"));
            var cell = cells.TryGetValue(key, out var existing) ? existing : (values, 0.0, 0.0);
            cells[key] = isCurrent ? (cell.Item1, cell.Item2, cell.Item3 + total.Value) : (cell.Item1, cell.Item2 + total.Value, cell.Item3);
            sum += total.Value;
        }

        return sum;
    }
}
