using Cockpit.Web.Localization;

namespace Cockpit.Tests.Testing;

/// <summary>Display time zones for component tests: the default (Guangzhou's, UTC+8) and one with daylight saving.</summary>
public static class DisplayZones
{
    /// <summary><c>Asia/Shanghai</c>, the default: UTC+8 all year.</summary>
    public static DisplayTimeZone Shanghai { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    /// <summary><c>Europe/Berlin</c>: UTC+1, UTC+2 from the last Sunday of March to the last Sunday of October.</summary>
    public static DisplayTimeZone Berlin { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
}
