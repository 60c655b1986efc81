using System.Globalization;

namespace Cockpit.Web.Explore;

/// <summary>One ranked tag-value combination of a <see cref="ContributionReport"/>.</summary>
/// <param name="Values">The combination's value of each dimension, in the report's dimension order ("" when a series lacks the tag).</param>
/// <param name="Baseline">Its total in the baseline period (0 when it did not occur).</param>
/// <param name="Current">Its total in the current period (0 when it did not occur).</param>
/// <param name="Delta"><paramref name="Current"/> minus <paramref name="Baseline"/>.</param>
/// <param name="Share">
/// <paramref name="Delta"/> as a fraction of the report's total delta (0.78 = 78 %); negative when the combination moved
/// against the total; null when the total did not change.
/// </param>
public sealed record ContributionRow(IReadOnlyList<string> Values, double Baseline, double Current, double Delta, double? Share)
{
    /// <summary>The separator between the values of a label.</summary>
    public const string Separator = " · ";

    /// <summary>The combination as plain text, e.g. <c>tianhe · broadband · hotline</c> (tag values are data: render as text).</summary>
    public string Label => string.Join(Separator, Values.Select(v => v.Length == 0 ? "∅" : v));

    /// <summary>The share in whole percent, rounded half away from zero; null when there is no share.</summary>
    public int? SharePercent => Share is { } s ? (int)Math.Round(s * 100, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// A plain-text English sentence for logs and notifications, e.g. <c>tianhe · broadband · hotline: 78 % of the surge</c>;
    /// pages localize their own from <see cref="Label"/> and <see cref="SharePercent"/>.
    /// </summary>
    public string Describe(double totalDelta) =>
        SharePercent is { } percent
            ? string.Create(CultureInfo.InvariantCulture, $"{Label}: {percent} % of the {(totalDelta >= 0 ? "surge" : "drop")}")
            : string.Create(CultureInfo.InvariantCulture, $"{Label}: {Delta:+0.###;-0.###;0}");
}
