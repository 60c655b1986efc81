using System.Globalization;
using Microsoft.Extensions.Options;

namespace Cockpit.Web.Localization;

/// <summary>
/// The zone every time on the dashboard is shown in (<see cref="TimeDisplayOptions.TimeZone"/>). Each instant is
/// converted with the zone's rules for that instant, so a range across a daylight-saving change shows the right local
/// time on both sides of it; machine formats (the <c>datetime</c> attribute, CSV, addresses) stay UTC.
/// </summary>
public sealed class DisplayTimeZone
{
    private const string Minutes = "yyyy-MM-dd HH:mm";
    private const string Seconds = "yyyy-MM-dd HH:mm:ss";

    // Instants outside a day of DateTimeOffset's range take the offset at its edge (no zone has one beyond ±14 h).
    private static readonly long MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds() + 86_400_000;
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds() - 86_400_000;

    /// <summary>Reads the validated options.</summary>
    public DisplayTimeZone(IOptions<TimeDisplayOptions> options)
        : this(TimeZoneInfo.FindSystemTimeZoneById((options ?? throw new ArgumentNullException(nameof(options))).Value.TimeZone))
    {
    }

    /// <summary>Shows times in <paramref name="zone"/>.</summary>
    public DisplayTimeZone(TimeZoneInfo zone)
    {
        Zone = zone ?? throw new ArgumentNullException(nameof(zone));

        // Zones with daylight saving in force today (their last rule runs on) are named; fixed ones read as an offset.
        var rules = zone.GetAdjustmentRules();
        ObservesDaylightSaving = rules.Length > 0 && rules[^1].DateEnd == DateTime.MaxValue.Date && rules[^1].DaylightDelta != TimeSpan.Zero;
        ShortName = ObservesDaylightSaving ? zone.Id : OffsetText(zone.BaseUtcOffset);
    }

    /// <summary>The zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>The IANA id (what the browser is told for chart axes).</summary>
    public string Id => Zone.Id;

    /// <summary>Whether the zone's offset still changes over the year.</summary>
    public bool ObservesDaylightSaving { get; }

    /// <summary>How headings name the zone: <c>UTC+8</c> for a fixed offset, the id (<c>Europe/Berlin</c>) otherwise.</summary>
    public string ShortName { get; }

    /// <summary>The instant in the zone, with the zone's offset at that instant.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>
    /// A UTC instant in ms since the epoch moved by the zone's offset at that instant: the local wall-clock time, as ms
    /// since the epoch read as UTC (what a chart formatting in UTC labels as local time).
    /// </summary>
    public long LocalMilliseconds(long utcMilliseconds)
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(utcMilliseconds, MinMilliseconds, MaxMilliseconds));
        return utcMilliseconds + (long)Zone.GetUtcOffset(instant).TotalMilliseconds;
    }

    /// <summary>The instant as local <c>yyyy-MM-dd HH:mm</c> (with <c>:ss</c> when <paramref name="seconds"/>).</summary>
    public string Format(DateTimeOffset time, bool seconds = false) =>
        ToLocal(time).ToString(seconds ? Seconds : Minutes, CultureInfo.InvariantCulture);

    /// <summary>The instant as local time in <paramref name="format"/> and <paramref name="culture"/>.</summary>
    public string Format(DateTimeOffset time, string format, IFormatProvider culture) => ToLocal(time).ToString(format, culture);

    /// <summary>The zone's offset at <paramref name="time"/>: <c>UTC+8</c>, <c>UTC+5:30</c>, <c>UTC-4</c>, <c>UTC</c>.</summary>
    public string OffsetAt(DateTimeOffset time) => OffsetText(Zone.GetUtcOffset(time));

    /// <summary>The zone's id and its offset at <paramref name="time"/>, e.g. <c>Europe/Berlin (UTC+2)</c>.</summary>
    public string Label(DateTimeOffset time) => string.Create(CultureInfo.InvariantCulture, $"{Zone.Id} ({OffsetAt(time)})");

    /// <summary>
    /// The instant a local wall-clock time (as typed into a form) stands for. False for a time the clock skips when
    /// daylight saving starts. A time the clock passes twice when it ends is taken as its first pass (daylight time).
    /// </summary>
    public bool TryFromLocal(DateTime local, out DateTimeOffset time)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            time = default;
            return false;
        }

        var offset = Zone.IsAmbiguousTime(unspecified) ? Zone.GetAmbiguousTimeOffsets(unspecified).Max() : Zone.GetUtcOffset(unspecified);
        time = new DateTimeOffset(unspecified, offset).ToUniversalTime();
        return true;
    }

    /// <summary><c>UTC+8</c>, <c>UTC+5:30</c>, <c>UTC-4</c>, <c>UTC</c>.</summary>
    public static string OffsetText(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}:{abs.Minutes:00}");
    }
}
