namespace Cockpit.Ingest.Storage;

/// <summary>
/// The order every store lists field series in: by measurement, then as InfluxDB orders series keys (tags sorted by
/// key, <c>k=v</c> joined by commas, compared as text), then by field; all ordinal.
/// </summary>
internal static class SeriesInfoOrder
{
    public static int Compare(SeriesInfo a, SeriesInfo b)
    {
        var byMeasurement = string.CompareOrdinal(a.Measurement, b.Measurement);
        return byMeasurement != 0 ? byMeasurement : string.CompareOrdinal(Describe(a), Describe(b));
    }

    // Tags then field, so that two fields of one series sort next to each other.
    private static string Describe(SeriesInfo info) =>
        string.Join(',', info.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")) + " " + info.Field;
}
