namespace Cockpit.Web.Localization;

/// <summary>
/// Which time zone the dashboard shows times in (section <c>Cockpit:Display</c>, shared with the wall's display keys):
/// the service centre's, not the viewer's browser's or the server's, so that a wall, an inbox and a shared explore
/// link read the same clock everywhere.
/// </summary>
public sealed class TimeDisplayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cockpit:Display";

    /// <summary>The default zone: Guangzhou's (UTC+8, no daylight saving).</summary>
    public const string DefaultTimeZone = "Asia/Shanghai";

    /// <summary>An IANA time zone id, e.g. <c>Asia/Shanghai</c> or <c>Europe/Berlin</c>.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;
}
