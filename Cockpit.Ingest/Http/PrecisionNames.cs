using Cockpit.Ingest.Write;

namespace Cockpit.Ingest.Http;

/// <summary>Reads the <c>precision</c> query parameter as InfluxDB's APIs name it.</summary>
internal static class PrecisionNames
{
    public static bool TryParse(string? text, IngestApiFlavor flavor, out TimePrecision precision)
    {
        precision = TimePrecision.Nanoseconds;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        TimePrecision? parsed = (text, flavor) switch
        {
            ("ns", _) or ("n", IngestApiFlavor.InfluxV1) => TimePrecision.Nanoseconds,
            ("us", _) or ("u" or "µ", IngestApiFlavor.InfluxV1) => TimePrecision.Microseconds,
            ("ms", _) => TimePrecision.Milliseconds,
            ("s", _) => TimePrecision.Seconds,
            ("m", IngestApiFlavor.InfluxV1) => TimePrecision.Minutes,
            ("h", IngestApiFlavor.InfluxV1) => TimePrecision.Hours,
            _ => null,
        };
        precision = parsed ?? TimePrecision.Nanoseconds;
        return parsed is not null;
    }

    public static string Accepted(IngestApiFlavor flavor) =>
        flavor == IngestApiFlavor.InfluxV1 ? "n, ns, u, us, µ, ms, s, m or h" : "ns, us, ms or s";
}
