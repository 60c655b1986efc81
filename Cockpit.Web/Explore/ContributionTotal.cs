namespace Cockpit.Web.Explore;

/// <summary>The total of a metric for one combination of tag values over one period.</summary>
/// <param name="Tags">The combination's tags (tag key → value); keys beyond the analysed dimensions are ignored.</param>
/// <param name="Value">The period's total (or aggregate) for it.</param>
public readonly record struct ContributionTotal(IReadOnlyDictionary<string, string> Tags, double Value);
