using System.Globalization;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Reads NAB's timestamps (<c>2015-07-10 14:24:00</c> in data files, <c>2014-04-10 07:15:00.000000</c> in the
/// windows file) as UTC the way the production CSV replay does (the exact NAB form first, then any ISO 8601 form),
/// so that a row's time here and the time of its replayed point can be compared exactly.
/// </summary>
public static class NabTimestamp
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>Parses <paramref name="text"/>; false when it is not a timestamp.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        text = text.Trim();
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, Utc, out time)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Utc, out time);
    }
}
