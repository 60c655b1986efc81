using Cockpit.Web.Components.Controls;

namespace Cockpit.Web.Wall;

/// <summary>
/// The wall's focus chart: one district's complaints with the band its detector expects and the starts of its
/// alerts. The district is the one with the highest complaints score right now (or the one asked for).
/// </summary>
/// <param name="Region">The district's tag value; null before any data.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Lines">The measured line and the expected line.</param>
/// <param name="Band">The normal band.</param>
/// <param name="Annotations">Alert starts in the district.</param>
public sealed record WallFocus(string? Region, string Name, IReadOnlyList<ChartSeries> Lines, ChartBand Band, IReadOnlyList<ChartAnnotation> Annotations);
