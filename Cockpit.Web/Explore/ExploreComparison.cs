namespace Cockpit.Web.Explore;

/// <summary>What the current range is compared with.</summary>
public enum ExploreComparison
{
    /// <summary>Nothing: no dashed lines; the contribution table compares with the period just before the range.</summary>
    None,

    /// <summary>The same range one day earlier.</summary>
    Day,

    /// <summary>The same range one week earlier.</summary>
    Week,
}
