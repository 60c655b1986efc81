namespace Cockpit.Web.Wall;

/// <summary>Complaints in the hour that ended at <paramref name="WindowEnd"/> minus a week.</summary>
/// <param name="WindowEnd">End of this week's hour the value is compared with (data time).</param>
/// <param name="Complaints">The count; null when the store has no complaints for that hour.</param>
public sealed record WeekAgoValue(DateTimeOffset WindowEnd, double? Complaints);
